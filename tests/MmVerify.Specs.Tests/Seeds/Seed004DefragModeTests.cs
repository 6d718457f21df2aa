using MmVerify.Model.Sim;
using MmVerify.Model.Trace;

namespace MmVerify.Specs.Tests.Seeds;

/// <summary>Seed 004 (SCENARIOS.md S5-S7): defrag_mode's kswapd assistance, its OOM path and atomic allocations.</summary>
public class Seed004DefragModeTests
{
    [Fact]
    public void Defrag_mode_wakes_kswapd_at_pageblock_order_even_for_order_0_requests()
    {
        var vanilla = SeedRun.Of("defrag-mode-thp-kbuild", "linux-7.2", 20);
        var assisted = SeedRun.Of("defrag-mode-thp-kbuild", "linux-7.2+defrag-mode-kswapd-assist", 20);

        Assert.Contains(vanilla.Events<WakeupKswapdEvent>(), w => w.Order < 9);
        Assert.NotEmpty(assisted.Events<WakeupKswapdEvent>());
        Assert.All(assisted.Events<WakeupKswapdEvent>(), w => Assert.True(w.Order >= 9, w.ToString()));
    }

    [Fact]
    public void Patch_3_as_posted_never_reaches_the_OOM_killer_and_the_fix_kills_every_time()
    {
        var posted = SeedRun.Of("defrag-mode-oom-path", "linux-7.2+defrag-mode", 30);
        var fixedKernel = SeedRun.Of("defrag-mode-oom-path", "linux-7.2", 30);

        Assert.Equal(0, posted.World.Vm[VmEvent.OomKill]);
        Assert.Equal(5, posted.World.Vm[VmEvent.AllocLivelock]);
        Assert.Equal(5, fixedKernel.World.Vm[VmEvent.OomKill]);
        Assert.Equal(0, fixedKernel.World.Vm[VmEvent.AllocLivelock]);
    }

    [Fact]
    public void Before_the_May_2026_fix_atomic_allocations_fail_with_half_the_memory_free()
    {
        var before = SeedRun.Of("defrag-mode-atomic-net", "linux-7.2+defrag-mode-kswapd-assist", 10);
        var after = SeedRun.Of("defrag-mode-atomic-net", "linux-7.2", 10);

        Assert.True(before.World.Vm[VmEvent.AllocFailure] > 100_000, $"{before.World.Vm[VmEvent.AllocFailure]} failures");
        Assert.True(before.Samples[^1].FreePages > 256L * 1024, "free memory is not plentiful");
        Assert.True(after.World.Vm[VmEvent.AllocFailure] <= 1, $"{after.World.Vm[VmEvent.AllocFailure]} failures after the fix");
    }
}
