using FsCheck;
using FsCheck.Fluent;
using MmVerify.Engine.Runner;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;
using MmVerify.Model.Topology;
using MmVerify.Model.Watermarks;
using MmVerify.Specs.Watermarks;
using MmVerify.Specs.Workloads;
using Xunit.Abstractions;

namespace MmVerify.Model.Tests.Properties;

/// <summary>
/// wmark.ordered over random layouts, sysctls, sysctl writes and boosts; wmark.check-monotone over
/// random workloads. Each is shown violated by a faulty watermark function kept here.
/// </summary>
public class WatermarkPropertyTests(ITestOutputHelper output)
{
    /// <summary>A machine layout and a sequence of sysctl writes and boosts.</summary>
    public sealed record WatermarkCase(long[] Managed, bool TwoNodes, long MinFreeKbytes, long ScaleFactor, long BoostFactor, int[] Boosts)
    {
        public Machine Boot()
        {
            var kinds = ZoneKinds.X86_64Layout;
            NodeSpec Node(int id) => new(id, kinds.Select((k, i) => new ZoneSpec(k, 0, Managed[i], Managed[i], Managed[i])).ToArray());
            var spec = new MachineSpec(TwoNodes ? [Node(0), Node(1)] : [Node(0)]);
            var sysctls = new VmSysctls { UserMinFreeKbytes = MinFreeKbytes, WatermarkScaleFactor = ScaleFactor, WatermarkBoostFactor = BoostFactor };
            return Machine.Boot(spec, sysctls, new BuddyGeometry(4, 2));
        }

        public override string ToString() =>
            $"managed [{string.Join(", ", Managed)}] two_nodes {TwoNodes} min_free_kbytes {MinFreeKbytes} wsf {ScaleFactor} wbf {BoostFactor} boosts [{string.Join(", ", Boosts)}]";
    }

    private static readonly Gen<long> ZonePages = Gen.Frequency(
        (2, Gen.Constant(0L)),
        (3, Gen.Choose(1, 2000).Select(x => (long)x)),
        (3, Gen.Choose(2000, 60000).Select(x => (long)x)));

    private static readonly Arbitrary<WatermarkCase> Cases = Arb.From(
        from dma in ZonePages
        from dma32 in ZonePages
        from normal in Gen.Choose(64, 60000)
        from movable in ZonePages
        from twoNodes in Gen.Elements(false, true)
        from mfk in Gen.Frequency((1, Gen.Constant(-1)), (3, Gen.Choose(0, 1 << 20)))
        from wsf in Gen.Choose(1, 3000)
        from wbf in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 30000)))
        from boosts in Gen.ArrayOf(Gen.Choose(0, 9))
        select new WatermarkCase([dma, dma32, normal, movable, 0], twoNodes, mfk, wsf, wbf, boosts));

    /// <summary>The model's setup, then boosts on zone Boosts[k] % zones and a recompute when the index is 9.</summary>
    private static string? RunOrdered(WatermarkCase c, Action<Machine> setup)
    {
        var machine = c.Boot();
        setup(machine);
        var invariant = new WmarkOrdered();
        var zones = machine.Zones.ToArray();
        var reason = invariant.Check(machine);
        foreach (var b in c.Boosts)
        {
            if (reason is not null)
            {
                break;
            }

            if (b == 9)
            {
                machine.WriteWatermarkScaleFactor(c.ScaleFactor);
                setup(machine);
            }
            else
            {
                WatermarkBoosting.BoostWatermark(zones[b % zones.Length]);
            }

            reason = invariant.Check(machine);
        }

        return reason;
    }

    [Fact]
    public void The_model_keeps_watermarks_ordered_across_layouts_sysctls_writes_and_boosts()
    {
        var property = Prop.ForAll(Cases, c => RunOrdered(c, _ => { }) is not { } reason ? true.ToProperty() : false.Label(reason));
        var outcome = Pbt.Check(property, 300, seed: 5, output);
        Assert.True(outcome.Passed, outcome.Text);
    }

    /// <summary>
    /// A faulty __setup_per_zone_wmarks that builds LOW from the zone's proportional share instead of
    /// from min_wmark_pages(zone): the two differ exactly for MOVABLE/HIGHMEM zones, whose MIN is clamped.
    /// </summary>
    private static void LowFromShareInsteadOfMin(Machine machine)
    {
        var spec = machine.Spec;
        var pagesMin = machine.Sysctls.MinFreeKbytes >> 2;
        var lowmem = spec.AllZones.Where(z => ZoneKinds.IsLowmemForWatermarks(z.Kind)).Sum(z => z.Managed);
        foreach (var zone in machine.Zones)
        {
            var share = pagesMin * zone.ManagedPages / lowmem;
            var min = ZoneKinds.IsLowmemForWatermarks(zone.Kind) ? share : KernelMath.Clamp(zone.ManagedPages / 1024, 32, 128);
            var delta = Math.Max(share >> 2, KernelMath.MultFrac(zone.ManagedPages, machine.Sysctls.WatermarkScaleFactor, 10000));
            var low = share + delta;
            zone.SetRawWatermarks(min, low, low + delta, low + (2 * delta));
        }
    }

    [Fact]
    public void A_setup_that_builds_low_from_the_share_violates_wmark_ordered()
    {
        var property = Prop.ForAll(Cases, c => RunOrdered(c, LowFromShareInsteadOfMin) is not { } reason ? true.ToProperty() : false.Label(reason));
        var outcome = Pbt.Check(property, 300, seed: 5, output);

        Assert.False(outcome.Passed, "wmark.ordered did not catch the faulty setup");
        var shrunk = (WatermarkCase)outcome.ShrunkArguments[0];
        var reason = RunOrdered(shrunk, LowFromShareInsteadOfMin);
        Assert.NotNull(reason);
        Assert.Contains("Movable", reason);
        output.WriteLine($"shrunk: {shrunk}: {reason}");
    }

    private static TraceChecker<BuddyWorld, BuddyOp> MonotoneChecker(WmarkCheckMonotone property) =>
        new((w, op) => w.Apply(op), [], [property]);

    [Fact]
    public void Freeing_never_fails_a_passing_check_in_the_model()
    {
        var property = Prop.ForAll(Generators.ShapeArb, Generators.OpsArb, (shape, ops) =>
        {
            var violation = MonotoneChecker(new WmarkCheckMonotone()).Run(shape.Boot(), ops);
            return (violation is null).Label(violation?.ToString() ?? "");
        });
        var outcome = Pbt.Check(property, 100, seed: 7, output);
        Assert.True(outcome.Passed, outcome.Text);
    }

    /// <summary>A faulty __zone_watermark_ok whose high-order test looks only at the exact order's lists.</summary>
    private static bool ExactOrderOnly(Zone zone, int order, long mark, int highestZoneIdx, AllocFlags flags)
    {
        var free = zone.NrFreePages - WatermarkCheck.ZoneWatermarkUnusableFree(zone, order, flags);
        if (free <= mark + zone.LowmemReserve[highestZoneIdx])
        {
            return false;
        }

        return order == 0 || Enumerable.Range(0, MigrateTypes.PcpTypes).Any(mt => zone.FreeListCount(order, (MigrateType)mt) > 0);
    }

    [Fact]
    public void A_check_that_only_looks_at_the_exact_order_violates_wmark_check_monotone()
    {
        var faulty = new WmarkCheckMonotone([("exact-order-only", ExactOrderOnly)]);
        var property = Prop.ForAll(Generators.ShapeArb, Generators.OpsArb, (shape, ops) =>
        {
            var violation = MonotoneChecker(faulty).Run(shape.Boot(), ops);
            return (violation is null).Label(violation?.ToString() ?? "");
        });
        var outcome = Pbt.Check(property, 200, seed: 7, output);

        Assert.False(outcome.Passed, "wmark.check-monotone did not catch the exact-order check");
        var violation = MonotoneChecker(faulty).Run(((ZoneShape)outcome.ShrunkArguments[0]).Boot(), (List<BuddyOp>)outcome.ShrunkArguments[1]);
        Assert.NotNull(violation);
        Assert.Equal("wmark.check-monotone", violation.PropertyId);
        output.WriteLine(violation.ToString());
    }

    [Fact]
    public void More_free_pages_never_fail_a_passing_check_for_the_same_zone_state()
    {
        // The arithmetic half of monotonicity: __zone_watermark_ok is monotone in its free_pages argument.
        var flags = Gen.Elements(AllocFlags.None, AllocFlags.MinReserve, AllocFlags.MinReserve | AllocFlags.NonBlock, AllocFlags.Oom, AllocFlags.Cma, AllocFlags.HighAtomic);
        var property = Prop.ForAll(
            Generators.ShapeArb,
            Generators.OpsArb,
            Arb.From(Gen.Zip(Gen.Zip(Gen.Choose(-5000, 5000), Gen.Choose(0, 5000)), Gen.Zip(Gen.Choose(0, 10), flags))),
            (shape, ops, args) =>
            {
                var world = shape.Boot();
                foreach (var op in ops)
                {
                    world.Apply(op);
                }

                var ((free, more), (order, f)) = args;
                return world.Zones.All(z =>
                {
                    var o = Math.Min(order, z.Geometry.MaxPageOrder);
                    var before = WatermarkCheck.ZoneWatermarkOk(z, o, z.LowWmarkPages, z.ZoneIndex, f, free);
                    var after = WatermarkCheck.ZoneWatermarkOk(z, o, z.LowWmarkPages, z.ZoneIndex, f, free + more);
                    return !before || after;
                });
            });
        var outcome = Pbt.Check(property, 200, seed: 11, output);
        Assert.True(outcome.Passed, outcome.Text);
    }
}
