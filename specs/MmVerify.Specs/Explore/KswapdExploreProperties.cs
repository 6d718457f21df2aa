using MmVerify.Engine.Explore;

namespace MmVerify.Specs.Explore;

/// <summary>
/// The catalog properties in the explicit world, judged on node 0 (the seed's livelocked node):
/// kswapd.hopeless and kswapd.reset-when-balanced as step invariants, kswapd.sleeps and boost.decays as
/// liveness under weak fairness of node 0's kswapd steps.
/// </summary>
public static class KswapdExploreProperties
{
    public static IReadOnlyList<string> Ids { get; } = ["kswapd.hopeless", "kswapd.reset-when-balanced", "kswapd.sleeps", "boost.decays"];

    public static ExploreProperty For(string id, KswapdWorld w) => id switch
    {
        // a count of >= 16 is cleared by kswapd/direct/memcg reclaim only at balance; a hopeless node is not woken;
        // a kswapd run moves the count by at most one, and a run that started boosted does not count (P-HOPELESS)
        "kswapd.hopeless" => new StepInvariant(id, (s, step) => !IsNode0(step) || Check(s, step, (b, a, kind) =>
            !(ByReclaim(kind) && w.Hopeless(b) && !w.Hopeless(a) && !w.Balanced(a))
            && !(b.Phase == KswapdRunPhase.Asleep && a.Phase != KswapdRunPhase.Asleep && w.Hopeless(b))
            && !(kind == NodeAction.KswapdFinish && a.Failures != 0 && a.Failures != b.Failures && a.Failures != b.Failures + 1)
            && !(kind == NodeAction.KswapdFinish && b.BoostAtStart > 0 && a.Failures == b.Failures + 1))),

        // every reset from >= 1 to 0 by kswapd/direct/memcg reclaim happens while the node is balanced (PCP exempt)
        "kswapd.reset-when-balanced" => new StepInvariant(id, (s, step) => !IsNode0(step) || Check(s, step, (b, a, kind) =>
            !(ByReclaim(kind) && b.Failures >= 1 && a.Failures == 0 && !w.Balanced(a)))),

        // GF (kswapd asleep or the node hopeless or balanced): kswapd does not run futilely forever
        "kswapd.sleeps" => new FairLiveness(id, s => NodeState.Of(s, 0) is var n && (n.Phase == KswapdRunPhase.Asleep || w.Hopeless(n) || w.Balanced(n)), IsNode0Kswapd),

        // GF (boost == 0): a raised boost is eventually decayed
        "boost.decays" => new FairLiveness(id, s => NodeState.Of(s, 0).Boost == 0, IsNode0Kswapd),
        _ => throw new ArgumentException($"property '{id}' is not judged by the explorer (it judges {string.Join(", ", Ids)})"),
    };

    private static bool IsNode0Kswapd(int action) => KswapdWorld.NodeOf(action) == 0 && KswapdWorld.IsKswapd(action);

    private static bool IsNode0(Step step) => KswapdWorld.NodeOf(step.Action) == 0;

    private static bool ByReclaim(NodeAction kind) => kind is NodeAction.AppFault or NodeAction.MemcgReclaim or NodeAction.KswapdFinish;

    private static bool Check(ulong s, Step step, Func<NodeState, NodeState, NodeAction, bool> ok) =>
        ok(NodeState.Of(s, 0), NodeState.Of(step.Target, 0), KswapdWorld.KindOf(step.Action));
}
