using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Alloc;

// checks should_reclaim_retry(), should_compact_retry() and the retry/OOM steps of __alloc_pages_slowpath(), mm/page_alloc.c
/// <summary>
/// Two 256-page worlds (min 32) with a second task, "holder", that holds unmovable pages outside the LRU
/// and is always the largest task, so an OOM kill frees its pages and the next retry succeeds.
/// </summary>
public class SlowPathRetryTests
{
    private static (World World, TaskState Task, TaskState Holder) NewWorld()
    {
        var (world, task) = Toy.World(256, new BuddyGeometry(4, 2));
        var holder = new TaskState(1, 1001, "holder", 0, 0);
        world.Tasks.Add(holder);
        return (world, task, holder);
    }

    /// <summary>Every even page is a clean file page of task 0, every odd page is held by holder; nothing free.</summary>
    internal static (World World, TaskState Task, TaskState Holder) OddPagesHeldWorld()
    {
        var (world, task, holder) = NewWorld();
        foreach (var page in AllocWorlds.TakeAll(world.ZonesOf(0)[0], MigrateType.Movable))
        {
            if (page % 2 == 0)
            {
                FolioOps.AddToLru(world, 0, new FolioRef(0, page), 0, LruList.InactiveFile, task, LruFlags.None);
            }
            else
            {
                FolioOps.Hold(world, holder, 0, new FolioRef(0, page), 0, long.MaxValue);
            }
        }

        return (world, task, holder);
    }

    /// <summary>100 dirty file pages of task 0 (direct reclaim cannot write them back), 120 pages held by holder, 10 free.</summary>
    private static (World World, TaskState Task, TaskState Holder) DirtyFileWorld()
    {
        var (world, task, holder) = NewWorld();
        var pages = AllocWorlds.TakeAll(world.ZonesOf(0)[0], MigrateType.Movable, 10);
        foreach (var page in pages.Take(100))
        {
            FolioOps.AddToLru(world, 0, new FolioRef(0, page), 0, LruList.InactiveFile, task, LruFlags.Dirty);
        }

        foreach (var page in pages.Skip(100).Take(120))
        {
            FolioOps.Hold(world, holder, 0, new FolioRef(0, page), 0, long.MaxValue);
        }

        return (world, task, holder);
    }

    [Theory]
    // GFP_KERNEL order 1 (compact first): round 1 compaction is skipped (0 free: not suitable), priority -> SYNC_LIGHT.
    // Round 2: reclaim (progress: free order-0 pages, each next to a held page), compaction runs and fails (every
    // aligned pair holds a held page): COMPLETE. should_reclaim_retry: no order-1 block -> no; should_compact_retry:
    // COMPLETE at SYNC_LIGHT, non-costly may rise to SYNC_FULL -> retry. Round 3: reclaim, SYNC_FULL compaction fails;
    // the priority cannot rise -> OOM kills holder -> its pages merge -> success. 2 reclaim and 2 compaction stalls.
    [InlineData(0xcc0u, 1, true, 2, 2, 1)]
    // The same with __GFP_RETRY_MAYFAIL: no OOM kill -> nopage after the same stalls.
    [InlineData(0xcc0u | 0x4000u, 1, false, 2, 2, 0)]
    // Order 3 = PAGE_ALLOC_COSTLY_ORDER is not costly: its priority may still rise to SYNC_FULL, as for order 1.
    [InlineData(0xcc0u | 0x4000u, 3, false, 2, 2, 0)]
    // Order 4 (costly) with __GFP_RETRY_MAYFAIL: round 2's compaction is skipped (51 free is not enough for order 4),
    // but should_compact_retry on SKIPPED asks compaction_zonelist_suitable, which counts reclaimable pages / order:
    // 77 / 4 + 51 = 70 > min 32 + 2 * 16 -> retry. Round 3: reclaim, compaction runs and fails (COMPLETE); a costly
    // order's priority cannot rise above SYNC_LIGHT -> no retry; costly orders never OOM-kill -> nopage.
    [InlineData(0xcc0u | 0x4000u, 4, false, 2, 1, 0)]
    // Order 4 without __GFP_RETRY_MAYFAIL: after round 2 "costly and no RETRY_MAYFAIL" -> nopage at once.
    [InlineData(0xcc0u, 4, false, 1, 0, 0)]
    public void Compaction_retries_escalate_the_priority_before_the_OOM_killer(uint gfp, int order, bool served, long allocStalls, long compactStalls, long oomKills)
    {
        var (world, task, holder) = OddPagesHeldWorld();

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, (GfpFlags)gfp, order, PageOwner.Unmovable));

        Assert.Equal(served, outcome.Succeeded);
        Assert.False(outcome.Livelocked);
        Assert.Equal(allocStalls, world.Vm[VmEvent.AllocstallNormal]);
        Assert.Equal(compactStalls, world.Vm[VmEvent.CompactStall]);
        Assert.Equal(compactStalls, world.Vm[VmEvent.CompactFail]);
        Assert.Equal(oomKills, world.Vm[VmEvent.OomKill]);
        Assert.Equal(oomKills == 1, holder.Killed);
        Assert.False(task.Killed);
    }

    [Theory]
    // Order 0, GFP_KERNEL: direct reclaim finds only dirty file pages and frees nothing, but they count as
    // reclaimable: 100 + 10 free > min 32, so should_reclaim_retry says yes while no_progress_loops <= 16.
    // The 17th no-progress round exceeds MAX_RECLAIM_RETRIES -> OOM kills holder -> success: 17 reclaim stalls.
    [InlineData(0xcc0u, true, 1)]
    // With __GFP_RETRY_MAYFAIL the same 17 rounds end in nopage, not in a hang.
    [InlineData(0xcc0u | 0x4000u, false, 0)]
    public void Reclaim_without_progress_is_retried_MAX_RECLAIM_RETRIES_times(uint gfp, bool served, long oomKills)
    {
        var (world, task, holder) = DirtyFileWorld();

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, (GfpFlags)gfp, 0, PageOwner.Unmovable));

        Assert.Equal(served, outcome.Succeeded);
        Assert.False(outcome.Livelocked);
        Assert.False(task.Stalled);
        Assert.Equal(17, world.Vm[VmEvent.AllocstallNormal]);
        Assert.Equal(oomKills, world.Vm[VmEvent.OomKill]);
        Assert.Equal(oomKills == 1, holder.Killed);
        Assert.Equal(100, world.Lru[0].NodeSize(LruList.InactiveFile));
    }

    [Fact]
    public void Reclaim_progress_does_not_make_an_order_0_request_retry_compaction()
    {
        // 5 clean file pages and nothing else free: reclaim frees them (progress), the retry fails (5 <= min 32),
        // should_reclaim_retry says no (5 free + 0 reclaimable cannot reach min) and there is no highatomic block.
        // should_compact_retry answers no at once for order 0; __GFP_RETRY_MAYFAIL does not OOM-kill -> nopage
        // after a single reclaim stall.
        var (world, task, _) = NewWorld();
        var zone = world.ZonesOf(0)[0];
        AllocWorlds.TakeAll(zone, MigrateType.Movable, 5);
        for (var i = 0; i < 5; i++)
        {
            var page = zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruFile);
            FolioOps.AddToLru(world, 0, new FolioRef(0, page), 0, LruList.InactiveFile, task, LruFlags.None);
        }

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.Kernel | GfpFlags.RetryMayFail, 0, PageOwner.Unmovable));

        Assert.False(outcome.Succeeded);
        Assert.False(outcome.Livelocked);
        Assert.Equal(1, world.Vm[VmEvent.AllocstallNormal]);
        Assert.Equal(5, zone.NrFreePages);
    }
}
