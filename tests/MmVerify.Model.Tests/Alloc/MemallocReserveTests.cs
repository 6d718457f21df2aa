using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Alloc;

/// <summary>__gfp_pfmemalloc_flags in the slow path: __GFP_MEMALLOC ignores watermarks unless __GFP_NOMEMALLOC.</summary>
public class MemallocReserveTests
{
    // 256 pages, min_free_kbytes 128: min 32. Free is taken down to 10 pages, far below min.
    private static (World World, TaskState Task, Zone Zone) NearlyFullWorld()
    {
        var (world, task) = Toy.World(256, new BuddyGeometry(4, 2));
        var zone = world.ZonesOf(0)[0];
        while (zone.NrFreePages > 10)
        {
            zone.Rmqueue(0, MigrateType.Unmovable, AllocFlags.NoWatermarks, PageOwner.Unmovable);
        }

        return (world, task, zone);
    }

    [Fact]
    public void A_non_blocking_request_below_min_fails_without_livelock()
    {
        // GFP_NOWAIT: min 32 (no reduction for NON_BLOCK alone), free 10: every pass fails; no direct reclaim
        // -> nopage: one allocation failure, not a hang.
        // Kills: removal of "livelocked = false" on the !canDirectReclaim exit (the task would be marked stalled).
        var (world, task, zone) = NearlyFullWorld();

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.NoWait, 0, PageOwner.Unmovable));

        Assert.False(outcome.Succeeded);
        Assert.False(outcome.Livelocked);
        Assert.False(task.Stalled);
        Assert.Equal(1, world.Vm[VmEvent.AllocFailure]);
        Assert.Equal(0, world.Vm[VmEvent.AllocLivelock]);
        Assert.Equal(10, zone.NrFreePages);
    }

    [Fact]
    public void A_MEMALLOC_request_ignores_the_watermarks_in_the_slow_path()
    {
        // __gfp_pfmemalloc_flags: __GFP_MEMALLOC -> ALLOC_NO_WATERMARKS; the retry then takes a page below min.
        // Kills: PageAllocator.cs:256 "(gfp & MemAlloc) != 0" -> "== 0", "&&" -> "||" is caught by the
        // NOMEMALLOC case below; :257 "reserveFlags != None" -> "==".
        var (world, task, zone) = NearlyFullWorld();

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.NoWait | GfpFlags.MemAlloc, 0, PageOwner.Unmovable));

        Assert.True(outcome.Succeeded);
        Assert.Equal(9, zone.NrFreePages);
    }

    [Fact]
    public void NOMEMALLOC_overrides_MEMALLOC()
    {
        // "__GFP_NOMEMALLOC forbids reserves; it overrides MEMALLOC" (KERNEL.md 4.1): the request fails as GFP_NOWAIT.
        // Kills: PageAllocator.cs:256 "(gfp & NoMemAlloc) == 0" -> "!= 0" and "&&" -> "||".
        var (world, task, zone) = NearlyFullWorld();

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, Gfp.Gfp.NoWait | GfpFlags.MemAlloc | GfpFlags.NoMemAlloc, 0, PageOwner.Unmovable));

        Assert.False(outcome.Succeeded);
        Assert.Equal(10, zone.NrFreePages);
    }
}
