using MmVerify.Model.Buddy;
using MmVerify.Model.Kswapd;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;
using MmVerify.Model.Topology;
using MmVerify.Model.Trace;

namespace MmVerify.Model.Tests.Reclaim;

public class KswapdTests
{
    private static void Wake(World world, int order = 0) =>
        KswapdFunctions.WakeupKswapd(world, 0, 0, Gfp.Gfp.Kernel, order, 0, "test", 1);

    [Fact]
    public void A_fresh_kswapd_naps_then_sleeps_when_the_node_is_balanced()
    {
        var trace = new TraceBuffer();
        var world = Worlds.OneZone("linux-7.2", trace: trace);

        Worlds.RunKswapd(world);

        Assert.Equal(KswapdPhase.Sleeping, world.Reclaim[0].Phase);
        Assert.Equal(["mm_vmscan_kswapd_sleep"], trace.Events.Select(e => e.Name));
        Assert.Equal(world.Clock.JiffiesToNs(25), trace.Events[0].TimeNs); // HZ/10 at HZ 250
        Assert.Equal(0, world.Vm[VmEvent.KswapdHighWmarkHitQuickly] + world.Vm[VmEvent.KswapdLowWmarkHitQuickly]);
    }

    [Fact]
    public void A_balanced_node_is_not_woken_unless_boosted()
    {
        var world = Worlds.OneZone("linux-7.2");
        Worlds.RunKswapd(world);

        Wake(world);
        Assert.Equal(KswapdPhase.Sleeping, world.Reclaim[0].Phase);

        Worlds.Zone(world).WatermarkBoost = 512;
        Wake(world);
        Assert.Equal(KswapdPhase.Waking, world.Reclaim[0].Phase);
    }

    [Fact]
    public void The_request_is_recorded_even_when_kswapd_is_running()
    {
        var world = Worlds.OneZone("linux-7.2");
        world.Reclaim[0].Phase = KswapdPhase.Balancing;

        Wake(world, order: 3);

        Assert.Equal(3, world.Reclaim[0].KswapdOrder);
        Assert.Equal(0, world.Reclaim[0].KswapdHighestZoneidx);
    }

    [Fact]
    public void A_boosted_run_reclaims_without_swap_and_subtracts_its_snapshot_of_the_boost()
    {
        var world = Worlds.OneZone("linux-7.2", swapPages: 100000);
        var zone = Worlds.Zone(world);
        Worlds.FillTo(world, zone.HighWmarkPages + 100, LruList.InactiveFile, PageOwner.LruFile);
        Worlds.RunKswapd(world);
        zone.WatermarkBoost = 1024;

        Wake(world);
        Worlds.RunKswapd(world);

        Assert.Equal(0, zone.WatermarkBoost);
        Assert.True(world.Vm[VmEvent.PgstealKswapd] > 0);
        Assert.Equal(0, world.Vm[VmEvent.Pswpout]);
        Assert.Equal(0, world.Reclaim[0].KswapdFailures);
    }

    [Fact]
    public void Without_reclaimable_memory_kswapd_fails_sixteen_times_then_sleeps_and_is_not_woken()
    {
        var trace = new TraceBuffer();
        var world = Worlds.OneZone("linux-7.2", trace: trace);
        var zone = Worlds.Zone(world);
        Worlds.FillTo(world, zone.MinWmarkPages, LruList.InactiveAnon, PageOwner.LruAnon); // swap off: anon is unreclaimable

        for (var i = 0; i < 40 && world.Reclaim[0].KswapdFailures < KswapdFunctions.MaxReclaimRetries; i++)
        {
            Wake(world);
            Worlds.RunKswapd(world);
        }

        var fails = trace.Events.OfType<KswapdReclaimFailEvent>().Select(e => e.Failures).ToArray();
        Assert.Equal(Enumerable.Range(1, 16), fails);
        Assert.True(KswapdFunctions.Hopeless(world, 0));

        Wake(world);
        Assert.Equal(KswapdPhase.Sleeping, world.Reclaim[0].Phase);
    }

    [Theory]
    [InlineData("linux-6.12", 0)]
    [InlineData("linux-7.2", 16)]
    [InlineData("linux-6.12+reset-when-balanced", 16)]
    public void Direct_reclaim_progress_revives_a_hopeless_kswapd_only_before_the_2026_patch(string variant, int failuresAfter)
    {
        var world = Worlds.OneZone(variant);
        var zone = Worlds.Zone(world);
        Worlds.FillTo(world, zone.MinWmarkPages, LruList.InactiveAnon, PageOwner.LruAnon);
        world.Reclaim[0].KswapdFailures = KswapdFunctions.MaxReclaimRetries;

        // A few reclaimable file pages: direct reclaim makes progress but the node stays below high.
        var task = world.Tasks[0];
        for (var i = 0; i < 64; i++)
        {
            FolioOps.Release(world, 0, world.Lru[0].TailOf(0, LruList.InactiveAnon)!.Value);
        }

        zone.DrainPages();
        Worlds.FillTo(world, zone.MinWmarkPages, LruList.InactiveFile, PageOwner.LruFile);
        var reclaimed = DirectReclaimer.TryToFreePages(world, task, Gfp.Gfp.Kernel, 0, out _);

        Assert.True(reclaimed > 0);
        Assert.False(KswapdFunctions.PgdatBalanced(world, 0, 0, 0));
        Assert.Equal(failuresAfter, world.Reclaim[0].KswapdFailures);
    }

    [Theory]
    [InlineData("linux-7.2", 9, 32)]
    [InlineData("linux-6.12", 9, 1024)]
    [InlineData("linux-7.2", 3, 16)]
    [InlineData("linux-6.12", 3, 16)]
    public void Compact_gap_is_capped_at_32_pages_in_7_2(string variant, int order, long gap)
    {
        Assert.Equal(gap, Variants.VariantCatalog.Resolve(variant).CompactGap.CompactGap(order));
    }

    [Fact]
    public void A_wakeup_during_the_nap_counts_low_wmark_hit_quickly()
    {
        var world = Worlds.OneZone("linux-7.2");
        var state = world.Reclaim[0];
        KswapdThread.Step(world, 0); // balanced: nap
        Assert.Equal(KswapdPhase.Napping, state.Phase);

        Worlds.Zone(world).WatermarkBoost = 512;
        Wake(world, order: 2);
        KswapdThread.Step(world, 0);

        Assert.Equal(1, world.Vm[VmEvent.KswapdLowWmarkHitQuickly]);
        Assert.Equal(KswapdPhase.Waking, state.Phase);
    }

    [Fact]
    public void A_step_before_the_nap_ends_keeps_napping()
    {
        var world = Worlds.OneZone("linux-7.2");
        var state = world.Reclaim[0];
        KswapdThread.Step(world, 0);
        var napUntil = state.NapUntilNs;

        world.Clock.NowNs = napUntil - 1;
        KswapdThread.Step(world, 0);

        Assert.Equal(KswapdPhase.Napping, state.Phase);
        Assert.Equal(napUntil, state.KswapdNextRunNs);
    }

    [Fact]
    public void Going_to_nap_clears_the_compaction_skip_hints_a_full_compaction_asked_to_flush()
    {
        var world = Worlds.OneZone("linux-7.2");
        var compaction = world.Compaction[0][0];
        compaction.Skip = [true, true];
        compaction.CachedFree = 7;
        compaction.BlockskipFlush = true;

        KswapdThread.Step(world, 0);

        Assert.False(compaction.BlockskipFlush);
        Assert.Equal([false, false], compaction.Skip);
        Assert.Equal(-1, compaction.CachedFree);
    }

    [Fact]
    public void A_node_without_managed_zones_up_to_the_request_is_balanced_and_their_wakeups_are_ignored()
    {
        var spec = new MachineSpec([new NodeSpec(0, [ZoneSpec.Empty(ZoneKind.Dma32), ZoneSpec.Flat(ZoneKind.Normal, 0, 16384)])]);
        var machine = Machine.Boot(spec, new VmSysctls { UserMinFreeKbytes = 4096 }, BuddyGeometry.X86_64);
        var world = new World(machine, Variants.VariantCatalog.Resolve("linux-7.2"));
        var normal = world.ZonesOf(0)[1];
        while (normal.NrFreePages > normal.MinWmarkPages)
        {
            normal.Rmqueue(0, MigrateType.Movable, Gfp.AllocFlags.None, PageOwner.LruAnon);
        }

        Assert.True(KswapdFunctions.PgdatBalanced(world, 0, 0, 0));
        Assert.False(KswapdFunctions.PgdatBalanced(world, 0, 0, 1));

        KswapdFunctions.WakeupKswapd(world, 0, 0, Gfp.Gfp.Kernel, 3, 0, "test", 1);
        Assert.Equal(0, world.Reclaim[0].KswapdOrder);
        Assert.Equal(world.Reclaim[0].NrZones, world.Reclaim[0].KswapdHighestZoneidx);
    }

    [Fact]
    public void An_unbalanced_node_skips_the_nap_and_counts_high_wmark_hit_quickly()
    {
        var world = Worlds.OneZone("linux-7.2");
        var zone = Worlds.Zone(world);
        Worlds.FillTo(world, zone.LowWmarkPages - 1, LruList.InactiveFile, PageOwner.LruFile);

        KswapdThread.Step(world, 0);

        Assert.Equal(1, world.Vm[VmEvent.KswapdHighWmarkHitQuickly]);
        Assert.Equal(KswapdPhase.Waking, world.Reclaim[0].Phase);
    }

    [Fact]
    public void Kswapd_balances_to_the_high_watermark_and_sleeps()
    {
        var world = Worlds.OneZone("linux-7.2");
        var zone = Worlds.Zone(world);
        Worlds.FillTo(world, zone.MinWmarkPages, LruList.InactiveFile, PageOwner.LruFile);

        Wake(world);
        Worlds.RunKswapd(world);

        Assert.True(zone.NrFreePages > zone.HighWmarkPages);
        Assert.Equal(KswapdPhase.Sleeping, world.Reclaim[0].Phase);
        Assert.Equal(0, world.Reclaim[0].KswapdFailures);
    }
}
