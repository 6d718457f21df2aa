using MmVerify.Model.Buddy;
using MmVerify.Model.Kswapd;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Watermarks;

// checks the boosted-reclaim part of balance_pgdat()'s priority loop, mm/vmscan.c: nr_boost_reclaim shrinks by
// what each iteration reclaimed, and boosting alone never drives the priority below DEF_PRIORITY - 2
public class BalancePgdatBoostedStepTests
{
    private const long Boost = 1024;

    // Balanced even against the boosted high watermark, with clean inactive pages on one list (anon with swap on).
    private static (World World, BalanceRun Run) BoostedRunAtPriority(int priority, LruList list = LruList.InactiveFile)
    {
        var world = Worlds.OneZone("linux-7.2", swapPages: 100000);
        var zone = Worlds.Zone(world);
        Worlds.FillTo(world, zone.HighWmarkPages + Boost + 200, list, list == LruList.InactiveFile ? PageOwner.LruFile : PageOwner.LruAnon);
        zone.WatermarkBoost = Boost;
        BalancePgdat.Begin(world, 0, 0, 0);
        var run = world.Reclaim[0].Run!;
        run.Priority = priority;
        return (world, run);
    }

    [Fact]
    public void Boosted_reclaim_at_def_priority_minus_2_stays_there_and_counts_down_the_boost()
    {
        var (world, run) = BoostedRunAtPriority(ScanControl.DefPriority - 2);
        Assert.Equal(Boost, run.NrBoostReclaim);

        BalancePgdat.Step(world, 0);

        Assert.True(run.NrReclaimed > 0);
        Assert.Equal(1, run.Iterations);
        Assert.Equal(ScanControl.DefPriority - 2, run.Priority);
        Assert.Equal(Boost - run.NrReclaimed, run.NrBoostReclaim);
        Assert.Equal(world.Vm[VmEvent.PgscanKswapd], run.NrScanned);

        var afterFirst = run.NrReclaimed;
        BalancePgdat.Step(world, 0);

        // The second iteration subtracts only its own reclaim (sc.nr_reclaimed - nr_reclaimed at its start).
        Assert.True(run.NrReclaimed > afterFirst);
        Assert.Equal(2, run.Iterations);
        Assert.Equal(Boost - run.NrReclaimed, run.NrBoostReclaim);
        Assert.Equal(ScanControl.DefPriority - 2, run.Priority);
        Assert.Equal(world.Vm[VmEvent.PgscanKswapd], run.NrScanned);
    }

    [Fact]
    public void Boosted_reclaim_above_def_priority_minus_2_raises_the_priority()
    {
        var (world, run) = BoostedRunAtPriority(ScanControl.DefPriority);

        BalancePgdat.Step(world, 0);

        Assert.True(run.NrReclaimed > 0);
        Assert.Equal(ScanControl.DefPriority - 1, run.Priority);
    }

    [Fact]
    public void Boosted_reclaim_neither_swaps_nor_writes_so_anon_alone_gives_nothing()
    {
        // At DEF_PRIORITY - 2 anon's swappiness share (60/200 of ~13600 >> 10) would be a few pages if swapping were allowed.
        var (world, run) = BoostedRunAtPriority(ScanControl.DefPriority - 2, LruList.InactiveAnon);

        BalancePgdat.Step(world, 0);

        // may_swap = may_writepage = !nr_boost_reclaim: no anon is scanned, so the stalled boosted run ends.
        Assert.Equal(0, run.NrReclaimed);
        Assert.Equal(0, world.Vm[VmEvent.Pswpout]);
        Assert.Equal(0, world.Vm[VmEvent.PgscanAnon]);
        Assert.Equal(KswapdPhase.TopOfLoop, world.Reclaim[0].Phase);
    }
}
