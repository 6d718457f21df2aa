using MmVerify.Model.Buddy;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Reclaim;

/// <summary>Puts single folios of task 0 on an LRU list of node 0, zone 0, straight from the buddy.</summary>
internal static class Folios
{
    public static FolioRef Add(World world, LruList list, LruFlags flags = LruFlags.None, int order = 0, int task = 0)
    {
        var owner = list switch
        {
            LruList.Slab => PageOwner.Slab,
            LruList.InactiveAnon or LruList.ActiveAnon => PageOwner.LruAnon,
            _ => PageOwner.LruFile,
        };
        var page = Worlds.Zone(world).Rmqueue(order, MigrateType.Movable, Gfp.AllocFlags.None, owner);
        var folio = new FolioRef(0, page);
        FolioOps.AddToLru(world, 0, folio, order, list, world.Tasks[task], flags);
        return folio;
    }

    /// <summary>Takes order-0 pages out of the zone, off any LRU, until free reaches the target.</summary>
    public static void PinTo(World world, long freeTarget)
    {
        var zone = Worlds.Zone(world);
        while (zone.NrFreePages > freeTarget)
        {
            zone.Rmqueue(0, MigrateType.Unmovable, Gfp.AllocFlags.None, PageOwner.Unmovable);
        }
    }

    public static List<int> TailToHead(World world, LruList list, int memcg = 0)
    {
        var lru = world.Lru[0];
        var pages = new List<int>();
        for (var f = lru.TailOf(memcg, list); f is { } folio; f = lru.PrevOf(folio))
        {
            pages.Add(folio.Page);
        }

        return pages;
    }

    public static ScanControl Kswapd(int priority = 0, int order = 0, long nrToReclaim = ScanControl.SwapClusterMax) =>
        new() { Reclaimer = Reclaimer.Kswapd, Priority = priority, Order = order, NrToReclaim = nrToReclaim };

    public static ScanControl Direct(int priority = 0, int order = 0, long nrToReclaim = ScanControl.SwapClusterMax) =>
        new() { Reclaimer = Reclaimer.Direct, Priority = priority, Order = order, NrToReclaim = nrToReclaim };
}
