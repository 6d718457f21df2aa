using MmVerify.Model.Gfp;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;
using MmVerify.Model.Variants;

namespace MmVerify.Model.Tests.Reclaim;

public class VariantTests
{
    [Theory]
    [InlineData("linux-7.2", "linux-7.2")]
    [InlineData("net-frag-nowake", "linux-7.2+net-frag-nowake")]
    [InlineData("linux-6.12+reset-when-balanced", "linux-6.12+reset-when-balanced")]
    [InlineData("linux-6.12+order-aware-kswapd+net-frag-nowake", "linux-6.12+order-aware-kswapd+net-frag-nowake")]
    public void Names_compose_on_a_baseline(string name, string canonical)
    {
        Assert.Equal(canonical, VariantCatalog.Resolve(name).Name);
    }

    [Theory]
    [InlineData("linux-9.9")]
    [InlineData("linux-7.2+reset-when-balanced")]
    [InlineData("autotune-v1+autotune-v2")]
    [InlineData("defrag-mode+defrag-mode-kswapd-assist")]
    [InlineData("")]
    public void Unknown_duplicate_or_conflicting_parts_are_refused(string name)
    {
        Assert.Throws<VariantException>(() => VariantCatalog.Resolve(name));
    }

    [Fact]
    public void Every_patch_records_its_provenance()
    {
        foreach (var patch in VariantCatalog.Patches)
        {
            Assert.False(string.IsNullOrWhiteSpace(patch.Provenance.Title));
            Assert.False(string.IsNullOrWhiteSpace(patch.Provenance.Source));
            var name = patch.AlreadyIn.Contains(VariantCatalog.DefaultBaseline) ? "linux-6.12+" + patch.Name : patch.Name;
            Assert.Contains(patch.Provenance, VariantCatalog.Resolve(name).Provenance);
        }
    }

    [Fact]
    public void Every_historical_bug_resolves_on_linux_7_2_with_its_provenance_and_fix()
    {
        Assert.NotEmpty(HistoricalBugs.All);
        Assert.Equal(HistoricalBugs.All.Count, HistoricalBugs.All.Select(b => b.Name).Distinct().Count());
        foreach (var bug in HistoricalBugs.All)
        {
            Assert.StartsWith("bug-", bug.Name, StringComparison.Ordinal);
            Assert.DoesNotContain(VariantCatalog.Patches, p => p.Name == bug.Name);
            var policy = VariantCatalog.Resolve(bug.Variant);
            Assert.Equal(bug.Variant, policy.Name);
            Assert.Contains(bug.Patch.Provenance, policy.Provenance);
            Assert.False(string.IsNullOrWhiteSpace(bug.Fix.Title));
            Assert.False(string.IsNullOrWhiteSpace(bug.Fix.FixedIn));
        }
    }

    [Fact]
    public void The_historical_bugs_put_the_old_behaviour_back_at_their_points()
    {
        var mainline = VariantCatalog.Resolve("linux-7.2");
        Assert.False(mainline.HopelessReset.ClearsOnProgress(MmVerify.Model.Reclaim.Reclaimer.Memcg, nodeBalanced: false));
        Assert.True(VariantCatalog.Resolve("bug-reset-on-any-progress").HopelessReset.ClearsOnProgress(MmVerify.Model.Reclaim.Reclaimer.Memcg, nodeBalanced: false));
        Assert.False(mainline.FailureCount.CountsAsFailure(0, boosted: true));
        Assert.True(VariantCatalog.Resolve("bug-boosted-run-fails").FailureCount.CountsAsFailure(0, boosted: true));
        Assert.True(mainline.OrderDrop.DropToOrderZero(3, 16, 16));
        Assert.False(VariantCatalog.Resolve("bug-never-drop-order").OrderDrop.DropToOrderZero(3, 16, 16));
        Assert.True(mainline.AtomicMinBoost.IgnoresBoost(0, AllocFlags.MinReserve | AllocFlags.WmarkMin));
        Assert.False(VariantCatalog.Resolve("bug-atomic-min-boost").AtomicMinBoost.IgnoresBoost(0, AllocFlags.MinReserve | AllocFlags.WmarkMin));
        Assert.Equal(32, mainline.CompactGap.CompactGap(9));
        Assert.Equal(1024, VariantCatalog.Resolve("bug-uncapped-compact-gap").CompactGap.CompactGap(9));
        Assert.True(mainline.PcpRevivesHopeless);
        Assert.False(VariantCatalog.Resolve("bug-no-pcp-revive").PcpRevivesHopeless);
    }

    [Fact]
    public void Net_frag_nowake_strips_kswapd_reclaim_from_the_order_3_attempt()
    {
        var vanilla = VariantCatalog.Resolve("linux-7.2").NetFrag.Order3Gfp(Gfp.Gfp.Kernel, rx: false);
        var patched = VariantCatalog.Resolve("net-frag-nowake").NetFrag.Order3Gfp(Gfp.Gfp.Kernel, rx: false);

        Assert.Equal(0x528c0u, (uint)vanilla);
        Assert.Equal(GfpFlags.None, patched & Gfp.Gfp.Reclaim);
    }

    [Fact]
    public void The_opportunistic_nowake_patch_spares_only_opportunistic_high_order_requests()
    {
        var policy = VariantCatalog.Resolve("net-opportunistic-nowake").KswapdWake;
        Assert.False(policy.MayWake((GfpFlags)0x528c0, 3));
        Assert.True(policy.MayWake((GfpFlags)0x528c0, 0));
        Assert.True(policy.MayWake(Gfp.Gfp.Kernel, 3));
    }

    [Fact]
    public void Autotune_v1_doubles_min_free_kbytes_up_to_one_percent_of_ram_and_takes_the_user_value()
    {
        var world = Worlds.OneZone("autotune-v1", pages: 262144, minFreeKbytes: 4096);

        for (var i = 0; i < 5; i++)
        {
            world.Policy.ReserveTuning.OnAllocationFailure(world, Gfp.Gfp.Atomic, 0, 0);
        }

        Assert.Equal(10485, world.Sysctls.MinFreeKbytes); // 1 GiB / 100, in kB
        Assert.Equal(10485, world.Sysctls.UserMinFreeKbytes);
    }

    [Fact]
    public void Autotune_trigger_also_matches_GFP_KERNEL_and_GFP_NOWAIT()
    {
        var world = Worlds.OneZone("autotune-v1", pages: 262144, minFreeKbytes: 4096);
        world.Policy.ReserveTuning.OnAllocationFailure(world, Gfp.Gfp.NoWait, 0, 0);
        Assert.Equal(8192, world.Sysctls.MinFreeKbytes);
        world.Policy.ReserveTuning.OnAllocationFailure(world, Gfp.Gfp.Kernel, 3, 0);
        Assert.Equal(8192, world.Sysctls.MinFreeKbytes);
    }

    [Fact]
    public void Autotune_v2_debounces_for_ten_seconds_and_decays_to_one_point_two_times_the_start()
    {
        var world = Worlds.OneZone("autotune-v2", pages: 262144, minFreeKbytes: 4096);
        world.Clock.NowNs = 0;
        var tuning = world.Policy.ReserveTuning;

        // The debounce timestamp starts at 0 and jiffies start 5 minutes before their wrap: nothing happens
        // while time_after(jiffies, 0 + 10 s) is false.
        tuning.OnAllocationFailure(world, Gfp.Gfp.Atomic, 0, 0);
        Assert.Equal(4096, world.Sysctls.MinFreeKbytes);

        world.Clock.NowNs = 311L * 1_000_000_000; // past the wrap and the window
        tuning.OnAllocationFailure(world, Gfp.Gfp.Atomic, 0, 0);
        tuning.OnAllocationFailure(world, Gfp.Gfp.Atomic, 0, 0);
        Assert.Equal(6144, world.Sysctls.MinFreeKbytes);

        for (var minute = 0; minute < 120; minute++)
        {
            world.Clock.NowNs += 60L * 1_000_000_000;
            tuning.OnTick(world);
        }

        Assert.Equal(4096 * 12 / 10, world.Sysctls.MinFreeKbytes);
    }

    [Fact]
    public void Autotune_v3_boosts_the_zone_and_leaves_min_free_kbytes_alone()
    {
        var world = Worlds.OneZone("autotune-v3", pages: 262144, minFreeKbytes: 4096);
        world.Clock.NowNs = 400L * 1_000_000_000;

        world.Policy.ReserveTuning.OnAllocationFailure(world, Gfp.Gfp.Atomic, 0, 0);

        Assert.Equal(512, Worlds.Zone(world).WatermarkBoost);
        Assert.Equal(4096, world.Sysctls.MinFreeKbytes);
        Assert.Equal(4096, world.Sysctls.UserMinFreeKbytes);
    }

    [Fact]
    public void Kernel_jiffies_start_five_minutes_before_the_wrap()
    {
        var clock = new SimClock(250);
        Assert.Equal(unchecked((ulong)(-300L * 250)), clock.KernelJiffies);
        Assert.False(SimClock.TimeAfter(clock.KernelJiffies, 2500));
        clock.NowNs = 311L * 1_000_000_000;
        Assert.True(SimClock.TimeAfter(clock.KernelJiffies, 2500));
    }
}
