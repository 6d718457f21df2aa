using MmVerify.Engine.Properties;
using MmVerify.Model.Trace;
using MmVerify.Specs.Gate;

namespace MmVerify.Specs.Temporal;

/// <summary>defrag.no-pollution [P-NO-POLLUTE]: no fallback mixes migratetypes inside a pageblock.</summary>
public sealed class DefragNoPollution : IRunProperty
{
    public static PropertyInfo Property { get; } = new(
        "defrag.no-pollution",
        "No allocation steals pages from another migratetype's pageblock without taking the block over (mm_page_alloc_extfrag with fragmenting=1 change_ownership=0).",
        "A polluted pageblock can never be freed whole: huge pages and compaction lose it (seed 004).",
        "SCENARIOS.md B (P-NO-POLLUTE); seed 004");

    public PropertyInfo Info => Property;

    public PropertyResult Judge(RunRecord run, PropertyParameters p)
    {
        var steals = run.Of<PageAllocExtfragEvent>().Where(e => e.Fragmenting && !e.ChangeOwnership).ToArray();
        return steals.Length == 0
            ? PropertyResult.Holds("no fragmenting steal")
            : PropertyResult.Violated(steals[0].TimeNs / 1e9, $"{steals.Length} fragmenting steals; the first by {steals[0].Comm} (order {steals[0].AllocOrder} from a type-{steals[0].FallbackMigratetype} block)");
    }
}
