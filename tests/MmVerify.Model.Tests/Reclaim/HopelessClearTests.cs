using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Tests.Support;
using MmVerify.Model.Trace;

namespace MmVerify.Model.Tests.Reclaim;

/// <summary>
/// The end of shrink_node: a call that reclaimed something may reset kswapd_failures. 6.12 resets
/// unconditionally; 7.2's kswapd_try_clear_hopeless only when pgdat_balanced at the reclaimer's order.
/// </summary>
public class HopelessClearTests
{
    [Theory]
    [InlineData(Reclaimer.Direct, HopelessClearReason.Direct)]
    [InlineData(Reclaimer.Kswapd, HopelessClearReason.Kswapd)]
    public void In_6_12_any_progress_resets_the_failures_and_traces_who_did_it(Reclaimer reclaimer, HopelessClearReason reason)
    {
        var trace = new TraceBuffer();
        var world = Worlds.OneZone("linux-6.12", trace: trace);
        world.Reclaim[0].KswapdFailures = 5;
        Folios.Add(world, LruList.InactiveFile);
        var sc = new ScanControl { Reclaimer = reclaimer, Priority = 0, Comm = "t", Pid = 42 };

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.Equal(0, world.Reclaim[0].KswapdFailures);
        var e = Assert.IsType<KswapdClearHopelessEvent>(Assert.Single(trace.Events));
        Assert.Equal(reason, e.Reason);
        Assert.Equal(5, e.OldFailures);
        Assert.Equal(0, e.Nid);
        Assert.Equal("t", e.Comm);
        Assert.Equal(42, e.Pid);
        Assert.True(e.NodeBalanced); // a mostly free zone is balanced at order 0
    }

    [Fact]
    public void A_call_that_reclaims_nothing_leaves_the_failures_alone()
    {
        var trace = new TraceBuffer();
        var world = Worlds.OneZone("linux-6.12", trace: trace);
        world.Reclaim[0].KswapdFailures = 5;
        Folios.Add(world, LruList.InactiveFile, LruFlags.Referenced); // activated, not freed

        Vmscan.ShrinkNode(world, 0, Folios.Direct(priority: 0));

        Assert.Equal(5, world.Reclaim[0].KswapdFailures);
        Assert.Empty(trace.Events);
    }

    [Fact]
    public void With_no_failures_there_is_nothing_to_clear_and_nothing_is_traced()
    {
        var trace = new TraceBuffer();
        var world = Worlds.OneZone("linux-6.12", trace: trace);
        Folios.Add(world, LruList.InactiveFile);

        Vmscan.ShrinkNode(world, 0, Folios.Direct(priority: 0));

        Assert.Equal(0, world.Reclaim[0].KswapdFailures);
        Assert.Empty(trace.Events);
    }

    [Fact]
    public void In_7_2_progress_on_an_unbalanced_node_keeps_it_hopeless()
    {
        // 100 free pages: far below the high watermark, so pgdat_balanced is false.
        var world = Worlds.OneZone("linux-7.2");
        Folios.PinTo(world, 101);
        Folios.Add(world, LruList.InactiveFile);
        world.Reclaim[0].KswapdFailures = 16;
        var sc = Folios.Direct(priority: 0);

        Vmscan.ShrinkNode(world, 0, sc);

        Assert.Equal(1, sc.NrReclaimed);
        Assert.Equal(16, world.Reclaim[0].KswapdFailures);
    }

    [Fact]
    public void In_7_2_progress_on_a_balanced_node_clears_it()
    {
        var world = Worlds.OneZone("linux-7.2");
        Folios.Add(world, LruList.InactiveFile);
        world.Reclaim[0].KswapdFailures = 16;

        Vmscan.ShrinkNode(world, 0, Folios.Direct(priority: 0));

        Assert.Equal(0, world.Reclaim[0].KswapdFailures);
    }
}
