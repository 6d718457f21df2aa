using MmVerify.Engine.Properties;

namespace MmVerify.Engine.Runner;

/// <summary>
/// Runs a sequence of actions through a step function and checks invariants on the initial state
/// and after every step, and step properties across every step. Stops at the first violation.
/// </summary>
public sealed class TraceChecker<TState, TAction>
{
    private readonly Action<TState, TAction> _step;
    private readonly IReadOnlyList<IInvariant<TState>> _invariants;
    private readonly IReadOnlyList<IStepProperty<TState, TAction>> _stepProperties;

    public TraceChecker(
        Action<TState, TAction> step,
        IReadOnlyList<IInvariant<TState>> invariants,
        IReadOnlyList<IStepProperty<TState, TAction>>? stepProperties = null)
    {
        _step = step;
        _invariants = invariants;
        _stepProperties = stepProperties ?? [];
    }

    /// <summary>Steps executed by the last Run (for the engine's counters).</summary>
    public int StepsExecuted { get; private set; }

    public Violation? Run(TState state, IEnumerable<TAction> actions)
    {
        StepsExecuted = 0;
        var violation = CheckInvariants(state, 0);
        if (violation is not null)
        {
            return violation;
        }

        var judges = new List<(string Id, Func<TState, string?> Judge)>(_stepProperties.Count);
        var step = 0;
        foreach (var action in actions)
        {
            step++;
            judges.Clear();
            foreach (var property in _stepProperties)
            {
                var judge = property.Before(state, action);
                if (judge is not null)
                {
                    judges.Add((property.Info.Id, judge));
                }
            }

            _step(state, action);
            StepsExecuted = step;

            foreach (var (id, judge) in judges)
            {
                var reason = judge(state);
                if (reason is not null)
                {
                    return new Violation(id, step, reason);
                }
            }

            violation = CheckInvariants(state, step);
            if (violation is not null)
            {
                return violation;
            }
        }

        return null;
    }

    private Violation? CheckInvariants(TState state, int step)
    {
        foreach (var invariant in _invariants)
        {
            var reason = invariant.Check(state);
            if (reason is not null)
            {
                return new Violation(invariant.Info.Id, step, reason);
            }
        }

        return null;
    }
}
