using MmVerify.Engine.Explore;

namespace MmVerify.Specs.Explore;

/// <summary>
/// The mobility-world properties, step invariants: defrag.no-pollution (no step mixes another pageblock:
/// P-NO-POLLUTE, where every world state can still produce a free block by frees) and defrag.wake-order (with
/// defrag_mode on, kswapd is woken with at least pageblock_order).
/// </summary>
public static class MobilityExploreProperties
{
    public static IReadOnlyList<string> Ids { get; } = ["defrag.no-pollution", "defrag.wake-order"];

    public static ExploreProperty For(string id, MobilityWorld w) => id switch
    {
        "defrag.no-pollution" => new StepInvariant(id, (s, step) => MobilityState.Unpack(step.Target).Mixed <= MobilityState.Unpack(s).Mixed),
        "defrag.wake-order" => new StepInvariant(id, (_, step) => !MobilityState.Unpack(step.Target).WokeLow),
        _ => throw new ArgumentException($"property '{id}' is not judged by the explorer on this world (it judges {string.Join(", ", Ids)})"),
    };
}
