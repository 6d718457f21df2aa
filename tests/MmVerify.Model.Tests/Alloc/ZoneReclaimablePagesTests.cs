using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Alloc;

/// <summary>zone_reclaimable_pages(): the file LRU always, the anon LRU only when it can be swapped.</summary>
public class ZoneReclaimablePagesTests
{
    private static World WorldWith(long swapPages)
    {
        var (world, task) = Toy.World(256, new BuddyGeometry(4, 2), swapPages: swapPages);
        var zone = world.ZonesOf(0)[0];
        // 1 inactive file, 2 active file, 4 inactive anon, 8 active anon: each sum is unique.
        foreach (var (list, count) in new[] { (LruList.InactiveFile, 1), (LruList.ActiveFile, 2), (LruList.InactiveAnon, 4), (LruList.ActiveAnon, 8) })
        {
            for (var i = 0; i < count; i++)
            {
                var owner = LruLists.IsFile(list) ? PageOwner.LruFile : PageOwner.LruAnon;
                var page = zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, owner);
                FolioOps.AddToLru(world, 0, new FolioRef(0, page), 0, list, task, LruFlags.None);
            }
        }

        return world;
    }

    [Fact]
    public void Without_swap_only_the_file_LRU_counts()
    {
        // can_reclaim_anon_pages() is false without swap: 1 + 2 = 3.
        // Kills: "if (world.Swap.Enabled)" negated; "+" -> "-" between the file lists (1 - 2 = -1).
        Assert.Equal(3, PageAllocator.ZoneReclaimablePages(WorldWith(swapPages: 0), 0, 0));
    }

    [Fact]
    public void With_swap_the_anon_LRU_counts_too()
    {
        // 1 + 2 + 4 + 8 = 15. Kills: "+=" -> "-=" and "+" -> "-" between the anon lists.
        Assert.Equal(15, PageAllocator.ZoneReclaimablePages(WorldWith(swapPages: 1024), 0, 0));
    }
}
