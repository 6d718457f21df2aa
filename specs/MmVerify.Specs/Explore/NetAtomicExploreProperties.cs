using MmVerify.Engine.Explore;

namespace MmVerify.Specs.Explore;

/// <summary>
/// The atomic-net properties, as step invariants on the NIC's GFP_ATOMIC allocation: alloc.admitted-succeeds
/// (it never fails when the admission test passed: P-ADMIT-&gt;OK) and alloc.atomic-reserve (it never fails while
/// free pages exceed 3/8 of min: P-ATOMIC-NOFAIL; no CMA or highatomic pages here).
/// </summary>
public static class NetAtomicExploreProperties
{
    public static IReadOnlyList<string> Ids { get; } = ["alloc.admitted-succeeds", "alloc.atomic-reserve"];

    public static ExploreProperty For(string id, NetAtomicWorld w) => id switch
    {
        "alloc.admitted-succeeds" => new StepInvariant(id, (s, step) => !(Failed(step) && w.Admitted(NetAtomicState.Unpack(s)))),
        "alloc.atomic-reserve" => new StepInvariant(id, (s, step) => !(Failed(step) && NetAtomicState.Unpack(s).Free * 8 > 3 * w.Config.Min)),
        _ => throw new ArgumentException($"property '{id}' is not judged by the explorer on this world (it judges {string.Join(", ", Ids)})"),
    };

    private static bool Failed(Step step) => step.Action == 0 && NetAtomicState.Unpack(step.Target).Failed;
}
