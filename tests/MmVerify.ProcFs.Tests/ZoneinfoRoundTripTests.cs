using FsCheck;
using FsCheck.Fluent;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Topology;

namespace MmVerify.ProcFs.Tests;

/// <summary>Whatever the renderer prints, the parser reads back as the model's own numbers.</summary>
public sealed class ZoneinfoRoundTripTests
{
    [Fact]
    public void Toy_machine_parses_back_field_by_field()
    {
        var machine = ToyMachine.BootWithOneDma32PageTaken();

        var info = ZoneinfoParser.Parse(ZoneinfoRenderer.Render(machine, ZoneinfoOptions.Linux7_2), "rendered");

        AssertMatches(machine, info, ZoneinfoOptions.Linux7_2);
        var parsed = Normalised(info.ToMachineSpec(), machine.Spec);
        Assert.Equal(machine.Spec.Nodes.Select(n => n.Id), parsed.Nodes.Select(n => n.Id));
        Assert.Equal(machine.Spec.AllZones, parsed.AllZones);
    }

    [Fact]
    public void Every_option_set_parses_back()
    {
        var machine = ToyMachine.Boot();
        foreach (var options in AllOptions())
        {
            var info = ZoneinfoParser.Parse(ZoneinfoRenderer.Render(machine, options), "rendered");
            AssertMatches(machine, info, options);
        }
    }

    [Fact]
    public void Any_allocations_on_two_nodes_parse_back()
    {
        // Each step allocates one block (order 0..3) of some type from some zone; failures are fine.
        var steps = Gen.ArrayOf(Gen.Choose(0, (4 * 3 * 4) - 1));
        Prop.ForAll(Arb.From(steps), picks =>
        {
            var machine = TwoNodeToy();
            var zones = machine.Zones.Where(z => z.IsPopulated).ToArray();
            foreach (var pick in picks)
            {
                var zone = zones[pick % zones.Length];
                var mt = (MigrateType)(pick / 4 % 3);
                zone.Rmqueue(pick / 12 % 4, mt, AllocFlags.None, mt == MigrateType.Movable ? PageOwner.LruAnon : PageOwner.Unmovable);
            }

            var info = ZoneinfoParser.Parse(ZoneinfoRenderer.Render(machine, ZoneinfoOptions.Linux7_2), "rendered");
            AssertMatches(machine, info, ZoneinfoOptions.Linux7_2);
        }).QuickCheckThrowOnFailure();
    }

    private static IEnumerable<ZoneinfoOptions> AllOptions()
    {
        for (var bits = 0; bits < 16; bits++)
        {
            yield return new ZoneinfoOptions
            {
                Boost = (bits & 1) != 0,
                Promo = (bits & 2) != 0,
                Cma = (bits & 4) != 0,
                NrFreePagesBlocks = (bits & 8) != 0,
            };
        }
    }

    // Node 1 repeats node 0's layout higher up; its DMA32 is empty, so protection counts still match.
    private static Machine TwoNodeToy()
    {
        var spec = new MachineSpec(
        [
            new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Dma32, 0, 32), ZoneSpec.Flat(ZoneKind.Normal, 32, 32), ZoneSpec.Empty(ZoneKind.Movable)]),
            new NodeSpec(1, [ZoneSpec.Empty(ZoneKind.Dma32), ZoneSpec.Flat(ZoneKind.Normal, 64, 64), ZoneSpec.Flat(ZoneKind.Movable, 128, 16)]),
        ]);
        return Machine.Boot(spec, new VmSysctls { UserMinFreeKbytes = 64, ThpEnabled = false }, ToyMachine.Geometry);
    }

    private static void AssertMatches(Machine machine, Zoneinfo info, ZoneinfoOptions options)
    {
        var zones = machine.Nodes.SelectMany(n => n.Zones).ToList();
        Assert.Equal(zones.Count, info.Zones.Count);
        for (var i = 0; i < zones.Count; i++)
        {
            var z = zones[i];
            var p = info.Zones[i];
            Assert.Equal((z.NodeId, z.Kind), (p.Node, p.Kind));
            Assert.Equal((z.NrFreePages, z.WatermarkBoost), (p.PagesFree, p.Boost));
            Assert.Equal((z.MinWmarkPages, z.LowWmarkPages, z.HighWmarkPages), (p.Min, p.Low, p.High));
            Assert.Equal(options.Promo ? z.PromoWmarkPages : null, p.Promo);
            Assert.Equal((z.Spec.Spanned, z.Spec.Present, z.ManagedPages, z.Spec.CmaPages), (p.Spanned, p.Present, p.Managed, p.Cma));
            Assert.Equal(z.LowmemReserve, p.Protection);
            Assert.Equal((options.Boost, options.Cma), (p.HasBoostLine, p.HasCmaLine));
            if (z.Spec.Present > 0)
            {
                Assert.Equal(z.StartPfn, p.StartPfn);
                Assert.Equal(z.NrFreePages, p.NrFreePages);
                Assert.Equal(options.NrFreePagesBlocks ? z.NrFreePagesBlocks : null, p.NrFreePagesBlocks);
                Assert.Equal(z.NrFreeCmaPages, p.NrFreeCma);
                Assert.False(p.NodeUnreclaimable);
            }
            else
            {
                Assert.Null(p.StartPfn);
                Assert.Null(p.NrFreePages);
            }
        }
    }

    // Empty zones print no start_pfn: the parsed spec says 0 where the model may have had another value.
    private static MachineSpec Normalised(MachineSpec parsed, MachineSpec original) => new(parsed.Nodes
        .Zip(original.Nodes, (p, o) => new NodeSpec(p.Id, p.Zones.Zip(o.Zones, (pz, oz) => pz.IsPopulated ? pz : pz with { StartPfn = oz.StartPfn }).ToArray()))
        .ToArray());
}
