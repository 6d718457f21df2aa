using MmVerify.Engine.Properties;
using MmVerify.Model.Topology;
using MmVerify.Model.Watermarks;

namespace MmVerify.Specs.Watermarks;

/// <summary>boost.bounded [P-BOOST-BOUND]: watermark_boost &lt;= max(pageblock, high * wbf / 10000); 0 when boosting cannot apply.</summary>
public sealed class BoostBounded : IInvariant<Machine>
{
    public static PropertyInfo Property { get; } = new(
        "boost.bounded",
        "Every zone's watermark_boost is at most max(pageblock_nr_pages, un-boosted HIGH x watermark_boost_factor / 10000), and 0 when the factor is 0 or the zone is smaller than four pageblocks.",
        "An unbounded boost can push every watermark above the zone's free memory and stall all allocations.",
        "SCENARIOS.md B (P-BOOST-BOUND); KERNEL.md 2.4");

    public PropertyInfo Info => Property;

    public string? Check(Machine state)
    {
        foreach (var zone in state.Zones)
        {
            var disabled = zone.Sysctls.WatermarkBoostFactor == 0 || zone.Geometry.PageblockNrPages * 4L > zone.ManagedPages;
            var bound = disabled ? 0 : WatermarkBoosting.MaxBoost(zone);
            if (zone.WatermarkBoost > bound)
            {
                return $"node {zone.NodeId} zone {zone.Name}: boost {zone.WatermarkBoost} > {bound}";
            }
        }

        return null;
    }
}
