using MmVerify.Model.Buddy;
using MmVerify.Model.Lru;
using MmVerify.Model.Sim;

namespace MmVerify.Model.Reclaim;

/// <summary>Putting folios on and taking them off the LRU, with memcg charging and the task's bookkeeping.</summary>
public static class FolioOps
{
    // mirrors folio_add_lru() after a fault, with mem_cgroup_charge() done by the caller's allocation
    public static void AddToLru(World world, int nid, FolioRef folio, int order, LruList list, TaskState task, LruFlags flags)
    {
        world.Lru[nid].Add(folio, order, list, task.Memcg, task.Id, flags);
        task.LruPages += 1L << order;
        world.Memcgs[task.Memcg].UsagePages += 1L << order;
    }

    /// <summary>
    /// Reclaim takes a folio: off the LRU, uncharged, pages back to the buddy. A working-set page
    /// leaves a shadow entry: its task will fault it in again (workingset refault).
    /// </summary>
    // mirrors the freeing half of shrink_folio_list(), mm/vmscan.c, v7.2
    public static void Reclaim(World world, int nid, FolioRef folio)
    {
        var lru = world.Lru[nid];
        var order = lru.OrderOf(folio);
        var flags = lru.FlagsOf(folio);
        var list = lru.ListOf(folio);
        var task = world.Tasks[lru.TaskOf(folio)];
        var memcg = lru.MemcgOf(folio);
        lru.Del(folio);
        var pages = 1L << order;
        task.LruPages -= pages;
        world.Memcgs[memcg].UsagePages -= pages;
        if ((flags & LruFlags.Hot) != 0 && !task.Killed)
        {
            if (LruLists.IsFile(list) && (flags & LruFlags.LazyFree) == 0)
            {
                task.RefaultDebtFile += pages;
            }
            else
            {
                task.RefaultDebtAnon += pages;
            }
        }

        FreeBlock(world, nid, folio, order);
    }

    /// <summary>A task releases a folio itself (munmap, exit).</summary>
    public static void Release(World world, int nid, FolioRef folio)
    {
        var lru = world.Lru[nid];
        var order = lru.OrderOf(folio);
        var task = world.Tasks[lru.TaskOf(folio)];
        world.Memcgs[lru.MemcgOf(folio)].UsagePages -= 1L << order;
        task.LruPages -= 1L << order;
        lru.Del(folio);
        FreeBlock(world, nid, folio, order);
    }

    /// <summary>A task takes a block outside the LRU until a release time (long.MaxValue: for good).</summary>
    public static void Hold(World world, TaskState task, int nid, FolioRef folio, int order, long releaseAtNs)
    {
        task.Held.Enqueue(new HeldBlock(nid, folio, order, releaseAtNs), (releaseAtNs, task.HeldSeq++));
        task.HeldPages += 1L << order;
    }

    /// <summary>Frees the task's held blocks whose time has come.</summary>
    public static void ReleaseDue(World world, TaskState task)
    {
        while (task.Held.TryPeek(out var block, out var key) && key.ReleaseAtNs <= world.NowNs)
        {
            task.Held.Dequeue();
            task.HeldPages -= 1L << block.Order;
            FreeBlock(world, block.Node, block.Folio, block.Order);
        }
    }

    /// <summary>Returns a block to the buddy allocator and counts pgfree.</summary>
    public static void FreeBlock(World world, int nid, FolioRef folio, int order)
    {
        Zone zone = world.ZonesOf(nid)[folio.ZoneIndex];
        zone.FreePages(folio.Page, order);
        world.Vm.Count(VmEvent.Pgfree, 1L << order);
        if (zone.PcpFlushedOnLastFree)
        {
            AfterPcpFlush(world, nid, zone);
        }
    }

    // mirrors the end of free_frozen_page_commit(), mm/page_alloc.c, v7.2: a zone back above high after a
    // flush clears ZONE_BELOW_HIGH, and on a multi-node system revives a hopeless kswapd (reason PCP)
    private static void AfterPcpFlush(World world, int nid, Zone zone)
    {
        if ((zone.Flags & ZoneFlags.BelowHigh) == 0)
        {
            return;
        }

        var classzone = zone.LowmemReserve.Length - 1;
        for (var i = 0; i < world.ZonesOf(nid).Count; i++)
        {
            if (world.ZonesOf(nid)[i].Kind == Topology.ZoneKind.Movable)
            {
                classzone = i;
            }
        }

        if (!Watermarks.WatermarkCheck.ZoneWatermarkOk(zone, 0, zone.HighWmarkPages, classzone, Gfp.AllocFlags.None))
        {
            return;
        }

        zone.Flags &= ~ZoneFlags.BelowHigh;
        var state = world.Reclaim[nid];
        if (Kswapd.KswapdFunctions.Hopeless(world, nid) && nid + 1 < world.Nodes.Count && world.Policy.PcpRevivesHopeless)
        {
            var old = state.KswapdFailures;
            state.KswapdFailures = 0;
            if (world.Trace.Enabled)
            {
                world.Trace.Emit(new Trace.KswapdClearHopelessEvent(world.NowNs, "pcp-free", 0, nid, Trace.HopelessClearReason.Pcp, old, Kswapd.KswapdFunctions.PgdatBalanced(world, nid, 0, classzone)));
            }
        }
    }
}
