using MmVerify.Engine.Explore;

namespace MmVerify.Specs.Explore;

/// <summary>What re-executing an explore counterexample showed: the states and whether the violation is still there.</summary>
public sealed record ExploreReplay(bool Reproduced, string Reason, ExploreTrace Trace, IExploreWorld World);

/// <summary>
/// Re-executes an explore counterexample on the explicit world: every action must be enabled in turn; then a
/// step invariant must fail on the last step, a state invariant on the last state, and a lasso must close
/// (last state = the loop start's), avoid the goal and be fair; and the states and the reason must be the
/// recorded ones (a model change that alters the path is a difference, exit 1).
/// </summary>
public static class ExploreReplayer
{
    public static ExploreReplay Replay(ExploreCounterexample cex)
    {
        var world = ExploreSession.World(cex.Scenario, cex.Variant, cex.Sizes.ToDictionary(f => f.Name, f => f.Value));
        ExploreProperty property;
        try
        {
            property = world.Property(cex.Property);
        }
        catch (ArgumentException e)
        {
            throw new ExploreInputException(e.Message);
        }

        var names = world.Actions.ToDictionary(world.ActionName);
        var states = new List<ulong> { world.Initial };
        var actions = new List<int>();
        var steps = new Step[world.MaxSuccessors];
        foreach (var name in cex.Actions)
        {
            if (!names.TryGetValue(name, out var action))
            {
                throw new ExploreInputException($"unknown action '{name}'");
            }

            var n = world.Successors(states[^1], steps);
            var found = steps.AsSpan(0, n).ToArray().Where(s => s.Action == action).ToArray();
            if (found.Length == 0)
            {
                return new ExploreReplay(false, $"step {actions.Count + 1}: {name} is not enabled in {world.Describe(states[^1])}", new ExploreTrace(states, actions, -1), world);
            }

            actions.Add(action);
            states.Add(found[0].Target);
        }

        var trace = new ExploreTrace(states, actions, cex.LoopStart);
        var (ok, why) = Judge(world, property, trace);
        if (!ok)
        {
            return new ExploreReplay(false, why, trace, world);
        }

        // the same violation: the same states on the way and the same explanation as recorded
        var differs = Enumerable.Range(0, states.Count).FirstOrDefault(i => world.Describe(states[i]) != cex.States[i], -1);
        return differs >= 0
            ? new ExploreReplay(false, $"state {differs} differs from the recorded one: {world.Describe(states[differs])}", trace, world)
            : why != cex.Reason
                ? new ExploreReplay(false, $"{why}, recorded: {cex.Reason}", trace, world)
                : new ExploreReplay(true, why, trace, world);
    }

    /// <summary>Whether the trace shows the property violated, and why (or why not).</summary>
    internal static (bool Violated, string Reason) Judge(IExploreWorld world, ExploreProperty property, ExploreTrace t)
    {
        switch (property)
        {
            case StepInvariant si when t.Actions.Count > 0 && !t.IsLasso:
                var bad = !si.Holds(t.States[^2], new Step(t.Actions[^1], t.States[^1]));
                return (bad, bad ? $"{property.Id} fails on step {t.Actions.Count} ({world.ActionName(t.Actions[^1])})" : $"{property.Id} holds on the last step");
            case StateInvariant st when !t.IsLasso:
                var badState = !st.Holds(t.States[^1]);
                return (badState, badState ? $"{property.Id} fails in the last state" : $"{property.Id} holds in the last state");
            case FairLiveness live when t.IsLasso && t.LoopStart < t.States.Count - 1:
                var cycle = Enumerable.Range(t.LoopStart, t.States.Count - t.LoopStart).ToArray();
                if (t.States[^1] != t.States[t.LoopStart])
                {
                    return (false, "the cycle does not return to its start");
                }

                if (cycle.Any(i => live.Goal(t.States[i])))
                {
                    return (false, $"the cycle reaches the goal of {property.Id}");
                }

                var steps = new Step[world.MaxSuccessors];
                var fair = t.Actions.Skip(t.LoopStart).Any(live.Fair)
                    || cycle.Any(i => !steps.AsSpan(0, world.Successors(t.States[i], steps)).ToArray().Any(s => live.Fair(s.Action)));
                return (fair, fair ? $"fair cycle of {t.Actions.Count - t.LoopStart} steps never reaches the goal of {property.Id}" : "the cycle is not fair");
            default:
                throw new ExploreInputException($"a {(t.IsLasso ? "lasso" : "path")} cannot show {property.Id}");
        }
    }
}
