using MmVerify.Model.Buddy;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Topology;
using MmVerify.Model.Trace;
using MmVerify.Model.Variants;

namespace MmVerify.Model.Tests.Reclaim;

/// <summary>
/// The end of free_frozen_page_commit (7.2): when a free flushes the pcp list back to the buddy, a zone
/// flagged ZONE_BELOW_HIGH that now passes order-0 HIGH clears the flag, and a hopeless node with a
/// higher-numbered memory node (next_memory_node(nid) &lt; MAX_NUMNODES) gets kswapd_failures reset (reason PCP).
/// </summary>
public class PcpFlushRevivalTests
{
    private static World TwoNodes(string variant = "linux-7.2", TraceBuffer? trace = null)
    {
        var spec = new MachineSpec(
        [
            new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Normal, 0, 16384)]),
            new NodeSpec(1, [ZoneSpec.Flat(ZoneKind.Normal, 16384, 16384)]),
        ]);
        var machine = Machine.Boot(spec, new VmSysctls { UserMinFreeKbytes = 4096 }, BuddyGeometry.X86_64);
        return new World(machine, VariantCatalog.Resolve(variant), trace: trace);
    }

    /// <summary>Takes pages from the zone, then frees them one by one until a free flushes the pcp list.</summary>
    private static void FreeUntilFlush(World world, int nid, long keepFree = -1)
    {
        var zone = world.ZonesOf(nid)[0];
        var pages = new List<int>();
        var count = zone.PcpHigh + zone.PcpBatch;
        while (pages.Count < count || (keepFree >= 0 && zone.NrFreePages > keepFree))
        {
            pages.Add(zone.Rmqueue(0, MigrateType.Movable, Gfp.AllocFlags.None, PageOwner.LruFile));
        }

        foreach (var page in pages)
        {
            FolioOps.FreeBlock(world, nid, new FolioRef(0, page), 0);
            if (zone.PcpFlushedOnLastFree)
            {
                return;
            }
        }

        Assert.Fail("no pcp flush");
    }

    [Fact]
    public void A_flush_that_brings_the_zone_above_high_clears_below_high_and_revives_a_hopeless_lower_node()
    {
        var trace = new TraceBuffer();
        var world = TwoNodes(trace: trace);
        var zone = world.ZonesOf(0)[0];
        zone.Flags |= ZoneFlags.BelowHigh;
        world.Reclaim[0].KswapdFailures = 16;

        FreeUntilFlush(world, 0);

        Assert.Equal((ZoneFlags)0, zone.Flags & ZoneFlags.BelowHigh);
        Assert.Equal(0, world.Reclaim[0].KswapdFailures);
        var e = Assert.IsType<KswapdClearHopelessEvent>(Assert.Single(trace.Events));
        Assert.Equal(HopelessClearReason.Pcp, e.Reason);
        Assert.Equal(16, e.OldFailures);
        Assert.Equal(0, e.Nid);
        Assert.True(e.NodeBalanced);
    }

    [Fact]
    public void The_highest_node_is_never_revived_by_a_pcp_flush()
    {
        var world = TwoNodes();
        var zone = world.ZonesOf(1)[0];
        zone.Flags |= ZoneFlags.BelowHigh;
        world.Reclaim[1].KswapdFailures = 16;

        FreeUntilFlush(world, 1);

        Assert.Equal((ZoneFlags)0, zone.Flags & ZoneFlags.BelowHigh);
        Assert.Equal(16, world.Reclaim[1].KswapdFailures);
    }

    [Fact]
    public void A_node_that_is_not_hopeless_keeps_its_failure_count()
    {
        var world = TwoNodes();
        world.ZonesOf(0)[0].Flags |= ZoneFlags.BelowHigh;
        world.Reclaim[0].KswapdFailures = 15;

        FreeUntilFlush(world, 0);

        Assert.Equal(15, world.Reclaim[0].KswapdFailures);
    }

    [Fact]
    public void Without_below_high_a_flush_changes_nothing()
    {
        var world = TwoNodes();
        world.Reclaim[0].KswapdFailures = 16;

        FreeUntilFlush(world, 0);

        Assert.Equal(16, world.Reclaim[0].KswapdFailures);
    }

    [Fact]
    public void Kernels_before_the_pcp_reset_leave_a_hopeless_node_alone()
    {
        var world = TwoNodes("linux-6.12");
        var zone = world.ZonesOf(0)[0];
        zone.Flags |= ZoneFlags.BelowHigh;
        world.Reclaim[0].KswapdFailures = 16;

        FreeUntilFlush(world, 0);

        Assert.Equal((ZoneFlags)0, zone.Flags & ZoneFlags.BelowHigh);
        Assert.Equal(16, world.Reclaim[0].KswapdFailures);
    }

    [Fact]
    public void A_zone_still_below_high_after_the_flush_keeps_the_flag_and_the_node_stays_hopeless()
    {
        // Take almost everything: one flushed batch cannot lift free pages above the high watermark.
        var world = TwoNodes();
        var zone = world.ZonesOf(0)[0];
        zone.Flags |= ZoneFlags.BelowHigh;
        world.Reclaim[0].KswapdFailures = 16;

        FreeUntilFlush(world, 0, keepFree: 10);

        Assert.True(zone.NrFreePages < zone.HighWmarkPages);
        Assert.Equal(ZoneFlags.BelowHigh, zone.Flags & ZoneFlags.BelowHigh);
        Assert.Equal(16, world.Reclaim[0].KswapdFailures);
    }

    [Fact]
    public void The_high_check_after_a_flush_keeps_the_reserve_against_movable_allocations()
    {
        // zone_watermark_ok(zone, 0, high, ZONE_MOVABLE, 0): below a Movable zone, Normal keeps
        // lowmem_reserve[MOVABLE] = 16384 / 32 = 512 pages. Free ends above high but not above high + 512.
        var spec = new MachineSpec([new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Normal, 0, 16384), ZoneSpec.Flat(ZoneKind.Movable, 16384, 16384)])]);
        var machine = Machine.Boot(spec, new VmSysctls { UserMinFreeKbytes = 4096 }, BuddyGeometry.X86_64);
        var world = new World(machine, VariantCatalog.Resolve("linux-7.2"));
        var zone = world.ZonesOf(0)[0];
        zone.Flags |= ZoneFlags.BelowHigh;

        FreeUntilFlush(world, 0, keepFree: zone.HighWmarkPages + 100);

        Assert.Equal(512, zone.LowmemReserve[1]);
        Assert.InRange(zone.NrFreePages, zone.HighWmarkPages + 1, zone.HighWmarkPages + 512);
        Assert.Equal(ZoneFlags.BelowHigh, zone.Flags & ZoneFlags.BelowHigh);
    }

    [Fact]
    public void The_high_check_after_a_flush_uses_the_movable_reserve_even_with_a_zone_above_movable()
    {
        // The classzone is ZONE_MOVABLE itself, not the node's highest zone. Normal, Movable, Device of
        // 16384 pages each (Device given managed pages here only so the two reserves differ):
        // lowmem_reserve[MOVABLE] = 16384 / 32 = 512, lowmem_reserve[DEVICE] = 32768 / 32 = 1024.
        // Free ends above high + 512 but not above high + 1024: the check passes and the flag clears.
        var spec = new MachineSpec([new NodeSpec(0, [
            ZoneSpec.Flat(ZoneKind.Normal, 0, 16384),
            ZoneSpec.Flat(ZoneKind.Movable, 16384, 16384),
            ZoneSpec.Flat(ZoneKind.Device, 32768, 16384),
        ])]);
        var machine = Machine.Boot(spec, new VmSysctls { UserMinFreeKbytes = 4096 }, BuddyGeometry.X86_64);
        var world = new World(machine, VariantCatalog.Resolve("linux-7.2"));
        var zone = world.ZonesOf(0)[0];
        zone.Flags |= ZoneFlags.BelowHigh;

        FreeUntilFlush(world, 0, keepFree: zone.HighWmarkPages + 600);

        Assert.Equal([0L, 512L, 1024L], zone.LowmemReserve);
        Assert.InRange(zone.NrFreePages, zone.HighWmarkPages + 513, zone.HighWmarkPages + 1024);
        Assert.Equal((ZoneFlags)0, zone.Flags & ZoneFlags.BelowHigh);
    }
}
