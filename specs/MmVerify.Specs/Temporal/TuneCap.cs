using MmVerify.Engine.Properties;
using MmVerify.Specs.Gate;

namespace MmVerify.Specs.Temporal;

/// <summary>tune.cap [P-MINFREE-CAP]: min_free_kbytes never exceeds max(its start, 1% of RAM).</summary>
public sealed class TuneCap : IRunProperty
{
    public static PropertyInfo Property { get; } = new(
        "tune.cap",
        "min_free_kbytes never exceeds max(its value at the start, totalram_kb / 100).",
        "An uncapped reserve can take memory the workload needs (seed 002 v1's 1% guard).",
        "SCENARIOS.md B (P-MINFREE-CAP); seed 002");

    public PropertyInfo Info => Property;

    public PropertyResult Judge(RunRecord run, PropertyParameters p)
    {
        var cap = Math.Max(run.InitialMinFreeKbytes, run.TotalRamKbytes / 100);
        var bad = run.Samples.FirstOrDefault(s => s.MinFreeKbytes > cap);
        return bad is null
            ? PropertyResult.Holds($"min_free_kbytes stayed <= {cap}")
            : PropertyResult.Violated(bad.T, $"min_free_kbytes {bad.MinFreeKbytes} > {cap}");
    }
}
