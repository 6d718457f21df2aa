using MmVerify.Engine.Properties;
using MmVerify.Specs.Gate;

namespace MmVerify.Specs.Temporal;

/// <summary>tune.admin [P-ADMIN]: auto-tuning never changes the sysctl-visible min_free_kbytes.</summary>
public sealed class TuneAdmin : IRunProperty
{
    public static PropertyInfo Property { get; } = new(
        "tune.admin",
        "No automatic mechanism changes the administrator's vm.min_free_kbytes (nor user_min_free_kbytes).",
        "An admin's setting silently overwritten cannot be reasoned about or restored (seed 002 v3 rationale).",
        "SCENARIOS.md B (P-ADMIN); seed 002");

    public PropertyInfo Info => Property;

    public PropertyResult Judge(RunRecord run, PropertyParameters p)
    {
        var changed = run.Samples.FirstOrDefault(s => s.MinFreeKbytes != run.InitialMinFreeKbytes);
        return changed is null
            ? PropertyResult.Holds($"min_free_kbytes stayed {run.InitialMinFreeKbytes}")
            : PropertyResult.Violated(changed.T, $"min_free_kbytes changed from {run.InitialMinFreeKbytes} to {changed.MinFreeKbytes}");
    }
}
