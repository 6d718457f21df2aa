using MmVerify.Engine.Properties;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Watermarks;
using MmVerify.Specs.Workloads;

namespace MmVerify.Specs.Watermarks;

/// <summary>
/// wmark.check-monotone: freeing pages never turns a passing watermark check into a failing one,
/// for every order, the min/low/high marks, both classzones and a spread of alloc flags.
/// The checks under test default to the model's zone_watermark_ok and zone_watermark_fast.
/// </summary>
public sealed class WmarkCheckMonotone : IStepProperty<BuddyWorld, BuddyOp>
{
    private static readonly AllocFlags[] FlagSets =
    [
        AllocFlags.None,
        AllocFlags.MinReserve | AllocFlags.NonBlock | AllocFlags.Kswapd,                         // GFP_ATOMIC order 0
        AllocFlags.MinReserve | AllocFlags.NonBlock | AllocFlags.HighAtomic | AllocFlags.Kswapd, // GFP_ATOMIC order > 0
        AllocFlags.NonBlock | AllocFlags.Kswapd,                                                 // GFP_NOWAIT
        AllocFlags.Oom,
        AllocFlags.Cma | AllocFlags.Kswapd,                                                      // movable user pages
        AllocFlags.MinReserve | AllocFlags.Cma,
    ];

    private readonly IReadOnlyList<(string Name, WatermarkCheckFunction Check)> _checks;

    public WmarkCheckMonotone()
        : this([
            ("zone_watermark_ok", (z, o, m, i, f) => WatermarkCheck.ZoneWatermarkOk(z, o, m, i, f)),
            ("zone_watermark_fast", (z, o, m, i, f) => WatermarkCheck.ZoneWatermarkFast(z, o, m, i, f)),
        ])
    {
    }

    public WmarkCheckMonotone(IReadOnlyList<(string Name, WatermarkCheckFunction Check)> checks) => _checks = checks;

    public static PropertyInfo Property { get; } = new(
        "wmark.check-monotone",
        "Freeing pages never turns a passing watermark check into a failing one, for any order, mark, classzone or alloc flags.",
        "Reclaim frees pages to make allocations pass; a check that more free memory can fail makes reclaim counter-productive and kswapd's balance test unstable.",
        "KERNEL.md 3.2-3.3 (__zone_watermark_ok, zone_watermark_fast)");

    public PropertyInfo Info => Property;

    public Func<BuddyWorld, string?>? Before(BuddyWorld state, BuddyOp action)
    {
        if (action is not BuddyOp.Free free || state.Target(free) is not { } target)
        {
            return null;
        }

        var zone = target.Zone;
        var passed = Evaluate(zone);
        return after =>
        {
            var now = Evaluate(zone);
            for (var k = 0; k < passed.Count; k++)
            {
                if (passed[k].Pass && !now[k].Pass)
                {
                    return $"node {zone.NodeId} zone {zone.Name}: {passed[k].What} passed with {passed[k].Free} free pages and fails with {now[k].Free} after freeing an order-{target.Order} block";
                }
            }

            return null;
        };
    }

    private List<(string What, bool Pass, long Free)> Evaluate(Zone zone)
    {
        var results = new List<(string, bool, long)>();
        var classzones = new[] { zone.ZoneIndex, zone.LowmemReserve.Length - 1 };
        foreach (var (name, check) in _checks)
        {
            for (var order = 0; order <= zone.Geometry.MaxPageOrder; order++)
            {
                foreach (var mark in new[] { WmarkIndex.Min, WmarkIndex.Low, WmarkIndex.High })
                {
                    foreach (var idx in classzones)
                    {
                        foreach (var flags in FlagSets)
                        {
                            var pass = check(zone, order, zone.WmarkPages(mark), idx, flags | (AllocFlags)(uint)mark);
                            results.Add(($"{name}(order {order}, {mark}, classzone {idx}, flags 0x{(uint)flags:x})", pass, zone.NrFreePages));
                        }
                    }
                }
            }
        }

        return results;
    }
}
