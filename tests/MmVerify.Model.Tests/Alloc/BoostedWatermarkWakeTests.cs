using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Topology;

namespace MmVerify.Model.Tests.Alloc;

// checks the end of rmqueue(), mm/page_alloc.c (ZONE_BOOSTED_WATERMARK -> wakeup_kswapd)
public class BoostedWatermarkWakeTests
{
    [Theory]
    // GFP_KERNEL has __GFP_KSWAPD_RECLAIM -> ALLOC_KSWAPD: the flag is cleared and kswapd is woken for zone 0
    // (wakeup_kswapd(zone, 0, 0, zone_idx(zone)) records kswapd_highest_zoneidx 0).
    [InlineData(0xcc0u, ZoneFlags.None, 0)]
    // GFP_KERNEL without __GFP_KSWAPD_RECLAIM: no ALLOC_KSWAPD, so the flag stays and nothing is recorded
    // (kswapd_highest_zoneidx keeps its "unset" value MAX_NR_ZONES = 1).
    [InlineData(0x4c0u, ZoneFlags.BoostedWatermark, 1)]
    public void Only_an_ALLOC_KSWAPD_request_consumes_the_boost_flag_and_wakes_kswapd(uint gfp, ZoneFlags flagsAfter, int kswapdHighestZoneidx)
    {
        var (world, task) = AllocWorlds.Build(1, [ZoneKind.Normal]);
        var zone = world.ZonesOf(0)[0];
        zone.Flags = ZoneFlags.BoostedWatermark;

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, (Gfp.GfpFlags)gfp, 0, PageOwner.Unmovable));

        // A fresh 256-page zone is far above high: served at once from zone 0, no ZONE_BELOW_HIGH.
        Assert.Equal(new AllocOutcome(0, 0, outcome.Page, 250, false), outcome);
        Assert.Equal(flagsAfter, zone.Flags);
        Assert.Equal(kswapdHighestZoneidx, world.Reclaim[0].KswapdHighestZoneidx);
    }
}
