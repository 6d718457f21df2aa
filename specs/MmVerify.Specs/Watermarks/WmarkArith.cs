using MmVerify.Engine.Properties;
using MmVerify.Model.Gfp;
using MmVerify.Model.Topology;
using MmVerify.Model.Watermarks;

namespace MmVerify.Specs.Watermarks;

/// <summary>wmark.arith [P-WMARK-ARITH]: _watermark[] equals __setup_per_zone_wmarks for the current sysctls, with equal gaps.</summary>
public sealed class WmarkArith : IInvariant<Machine>
{
    public static PropertyInfo Property { get; } = new(
        "wmark.arith",
        "Every zone's un-boosted watermarks equal the __setup_per_zone_wmarks formulas for the current min_free_kbytes and watermark_scale_factor, with low - min = high - low = promo - high.",
        "Reviewers reason about a patch from the formulas; a watermark computed any other way changes every kswapd and allocation decision.",
        "SCENARIOS.md B (P-WMARK-ARITH); KERNEL.md 2.2");

    public PropertyInfo Info => Property;

    public string? Check(Machine state)
    {
        var expected = WatermarkSetup.SetupPerZoneWmarks(state.Spec, state.Sysctls.MinFreeKbytes, state.Sysctls.WatermarkScaleFactor);
        foreach (var node in state.Nodes)
        {
            var n = state.Nodes.ToList().IndexOf(node);
            foreach (var zone in node.Zones)
            {
                var w = expected[n][zone.ZoneIndex];
                long min = zone.RawWatermark(WmarkIndex.Min), low = zone.RawWatermark(WmarkIndex.Low), high = zone.RawWatermark(WmarkIndex.High), promo = zone.RawWatermark(WmarkIndex.Promo);
                if (min != w.Min || low != w.Low || high != w.High || promo != w.Promo)
                {
                    return $"node {zone.NodeId} zone {zone.Name}: ({min}, {low}, {high}, {promo}) but the formula gives ({w.Min}, {w.Low}, {w.High}, {w.Promo})";
                }
            }
        }

        return null;
    }
}
