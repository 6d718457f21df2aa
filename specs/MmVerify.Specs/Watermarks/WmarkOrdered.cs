using MmVerify.Engine.Properties;
using MmVerify.Model.Gfp;
using MmVerify.Model.Topology;

namespace MmVerify.Specs.Watermarks;

/// <summary>wmark.ordered [P-WMARK-ORDER]: min &lt;= low &lt;= high &lt;= promo, un-boosted and boosted, in every zone.</summary>
public sealed class WmarkOrdered : IInvariant<Machine>
{
    public static PropertyInfo Property { get; } = new(
        "wmark.ordered",
        "In every zone at every step, _watermark[] satisfies min <= low <= high <= promo, and so do the boosted wmark_pages() values.",
        "kswapd is woken below low and sleeps above high, allocations fail below min: out-of-order marks make kswapd sleep while allocations fail, or spin forever.",
        "SCENARIOS.md B (P-WMARK-ORDER); KERNEL.md 2.2 (__setup_per_zone_wmarks)");

    public PropertyInfo Info => Property;

    public string? Check(Machine state)
    {
        foreach (var zone in state.Zones)
        {
            var raw = Ordered(zone.RawWatermark(WmarkIndex.Min), zone.RawWatermark(WmarkIndex.Low), zone.RawWatermark(WmarkIndex.High), zone.RawWatermark(WmarkIndex.Promo));
            var boosted = Ordered(zone.MinWmarkPages, zone.LowWmarkPages, zone.HighWmarkPages, zone.PromoWmarkPages);
            if (raw is not null || boosted is not null || zone.WatermarkBoost < 0)
            {
                return $"node {zone.NodeId} zone {zone.Name}: {(raw is not null ? "_watermark[] " + raw : boosted is not null ? "boosted " + boosted : "negative boost " + zone.WatermarkBoost)}";
            }
        }

        return null;
    }

    private static string? Ordered(long min, long low, long high, long promo) =>
        min <= low && low <= high && high <= promo ? null : $"min {min} low {low} high {high} promo {promo} are not ordered";
}
