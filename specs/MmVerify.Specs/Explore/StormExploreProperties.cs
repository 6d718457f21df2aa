using MmVerify.Engine.Explore;

namespace MmVerify.Specs.Explore;

/// <summary>
/// The catalog properties in the storm world. kswapd.sleeps: liveness under weak fairness of kswapd's steps,
/// always eventually kswapd fully asleep (stage 2) or the node hopeless; the HZ/10 nap does not count (P-SLEEP).
/// kswapd.no-futile-reclaim: a step invariant, kswapd never reclaims a page while the node is balanced at order
/// 0 with its boost reclaimed once the run has reclaimed compact_gap(the run's order) (P-NO-FUTILE, with the
/// world's reclaim batch of one page; every high-order request here has an order-0 fallback or may fail).
/// </summary>
public static class StormExploreProperties
{
    public static IReadOnlyList<string> Ids { get; } = ["kswapd.sleeps", "kswapd.no-futile-reclaim"];

    public static ExploreProperty For(string id, StormWorld w) => id switch
    {
        "kswapd.sleeps" => new FairLiveness(id, s => StormState.Unpack(s) is var x && (x.Kswapd == StormKswapd.Asleep || w.Hopeless(x)), StormWorld.IsKswapd),
        "kswapd.no-futile-reclaim" => new StepInvariant(id, (s, step) => !IsFutile(w, StormState.Unpack(s), StormState.Unpack(step.Target), step.Action)),
        _ => throw new ArgumentException($"property '{id}' is not judged by the explorer on this world (it judges {string.Join(", ", Ids)})"),
    };

    private static bool IsFutile(StormWorld w, StormState before, StormState after, int action) =>
        (StormAction)action == StormAction.KswapdReclaim && after.Lru < before.Lru
        && w.Balanced(before, 0) && before.Reclaimed >= before.BoostAtStart && before.Reclaimed >= w.CompactGap(before.RunOrder);
}
