using MmVerify.Model.Alloc;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;

namespace MmVerify.Model.Workload;

/// <summary>
/// What a task's operations do to the kernel: page faults, kernel allocations, network frag refills,
/// working-set accesses. Each returns the simulated time the task spent.
/// </summary>
public static class TaskOps
{
    /// <summary>GFP_TRANSHUGE_LIGHT: a THP fault that neither reclaims nor wakes kswapd.</summary>
    public const GfpFlags TransHugeLight = (Gfp.Gfp.HighUserMovable | GfpFlags.Comp | GfpFlags.NoMemAlloc | GfpFlags.NoWarn) & ~Gfp.Gfp.Reclaim;

    /// <summary>
    /// Runs up to Batch operations. A batch ends early when an operation woke kswapd or kcompactd,
    /// so that the daemon runs between the operations as it would on another CPU.
    /// </summary>
    public static long Run(World world, Activity activity, out int done)
    {
        var spec = activity.Spec;
        var task = activity.Task;
        FolioOps.ReleaseDue(world, task);
        long time = 0;
        done = 0;
        var daemonsDue = DaemonsDue(world);
        while (done < Math.Max(1, spec.Batch) && !task.Killed && !task.Stalled)
        {
            done++;
            time += spec.Op switch
            {
                OpKind.FaultFile => Fault(world, task, spec.Gfp, LruList.InactiveFile, PageOwner.LruFile, HotFlags(world, spec) | DirtyFlag(world, spec)),
                OpKind.FaultAnon => Fault(world, task, spec.Gfp, LruList.InactiveAnon, PageOwner.LruAnon, HotFlags(world, spec)),
                OpKind.FaultAnonThp => FaultThp(world, task, spec),
                OpKind.SlabCache => Fault(world, task, spec.Gfp | GfpFlags.Reclaimable, LruList.Slab, PageOwner.Slab, HotFlags(world, spec)),
                OpKind.KernelAlloc => KernelAlloc(world, task, spec),
                OpKind.NetFragRefill => NetFragRefill(world, task, spec),
                OpKind.Touch => Touch(world, task),
                OpKind.LazyFreeFeeder => Fault(world, task, spec.Gfp, LruList.InactiveFile, PageOwner.LruAnon, LruFlags.LazyFree),
                OpKind.Unmap => Unmap(world, task),
                OpKind.DropCaches => DropCaches(world),
                OpKind.Exit => Exit(world, task),
                OpKind.FragmentArena => FragmentArena(world, task, spec),
                _ => throw new ArgumentOutOfRangeException(nameof(activity)),
            };

            if (DaemonsDue(world) > daemonsDue)
            {
                break;
            }
        }

        return Math.Max(time, 1);
    }

    private static int DaemonsDue(World world)
    {
        var due = 0;
        foreach (var r in world.Reclaim)
        {
            due += (r.KswapdNextRunNs <= world.NowNs ? 1 : 0) + (r.KcompactdNextRunNs <= world.NowNs ? 1 : 0);
        }

        return due;
    }

    private static LruFlags HotFlags(World world, ActivitySpec spec) =>
        world.Random.Chance(spec.HotFraction) ? LruFlags.Hot | LruFlags.Referenced : LruFlags.None;

    private static LruFlags DirtyFlag(World world, ActivitySpec spec) =>
        world.Random.Chance(spec.DirtyFraction) ? LruFlags.Dirty : LruFlags.None;

    /// <summary>A page fault: allocate, charge, add to the LRU, then pay any memory.high overage.</summary>
    // mirrors do_anonymous_page() / filemap_fault() as far as allocation, charging and folio_add_lru go
    private static long Fault(World world, TaskState task, GfpFlags gfp, LruList list, PageOwner owner, LruFlags flags, int order = 0)
    {
        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, gfp, order, owner));
        var time = world.Costs.PageFault + outcome.CostNs;
        if (!outcome.Succeeded)
        {
            return time;
        }

        FolioOps.AddToLru(world, outcome.Node, new FolioRef(outcome.Zone, outcome.Page), order, list, task, flags);
        return time + MemcgHigh.AfterCharge(world, task, 1L << order);
    }

    // mirrors do_huge_pmd_anonymous_page(), mm/huge_memory.c, v7.2: the THP order, else one base page
    private static long FaultThp(World world, TaskState task, ActivitySpec spec)
    {
        var order = world.Machine.Geometry.PageblockOrder;
        var gfp = spec.Gfp == Gfp.Gfp.Kernel ? TransHugeLight : spec.Gfp;
        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, gfp, order, PageOwner.LruAnon));
        if (outcome.Succeeded)
        {
            world.Vm.Count(VmEvent.ThpFaultAlloc);
            FolioOps.AddToLru(world, outcome.Node, new FolioRef(outcome.Zone, outcome.Page), order, LruList.InactiveAnon, task, HotFlags(world, spec));
            return world.Costs.PageFault + outcome.CostNs + MemcgHigh.AfterCharge(world, task, 1L << order);
        }

        world.Vm.Count(VmEvent.ThpFaultFallback);
        return outcome.CostNs + Fault(world, task, Gfp.Gfp.HighUserMovable, LruList.InactiveAnon, PageOwner.LruAnon, HotFlags(world, spec));
    }

    /// <summary>The activity holds enough, or waits for a free block that is not there.</summary>
    private static bool Idle(World world, TaskState task, ActivitySpec spec, int order) =>
        (spec.MaxHeldPages is { } cap && task.HeldPages >= cap)
        || (spec.OnlyIfFreeBlock && !HasFreeBlock(world, task.Node, order));

    private static long KernelAlloc(World world, TaskState task, ActivitySpec spec)
    {
        if (Idle(world, task, spec, spec.Order))
        {
            return world.Costs.AllocFastPath;
        }

        var outcome = PageAllocator.Alloc(world, new AllocRequest(task, spec.Gfp, spec.Order, spec.Owner));
        if (outcome.Succeeded)
        {
            FolioOps.Hold(world, task, outcome.Node, new FolioRef(outcome.Zone, outcome.Page), spec.Order, ReleaseTime(world, spec));
        }

        return outcome.CostNs;
    }

    private static long ReleaseTime(World world, ActivitySpec spec) =>
        spec.LifetimeMs > 0 ? world.NowNs + (long)(spec.LifetimeMs * 1_000_000) : long.MaxValue;

    private static bool HasFreeBlock(World world, int nid, int order)
    {
        foreach (var zone in world.ZonesOf(nid))
        {
            if (zone.Kind == Topology.ZoneKind.Dma)
            {
                continue;
            }

            for (var o = order; o <= zone.Geometry.MaxPageOrder; o++)
            {
                if (zone.NrFree(o) > 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // mirrors skb_page_frag_refill(), net/core/sock.c, and __page_frag_cache_refill(), mm/page_frag_cache.c, v7.2
    private static long NetFragRefill(World world, TaskState task, ActivitySpec spec)
    {
        const int fragOrder = 3;
        long time = 0;
        if (Idle(world, task, spec, fragOrder))
        {
            return world.Costs.AllocFastPath;
        }

        // net.core.high_order_alloc_disable only affects the TX path.
        if (spec.Rx || !world.Sysctls.HighOrderAllocDisable)
        {
            var gfp = world.Policy.NetFrag.Order3Gfp(spec.Gfp, spec.Rx);
            var big = PageAllocator.Alloc(world, new AllocRequest(task, gfp, fragOrder, PageOwner.NetBuffer));
            time += big.CostNs;
            if (big.Succeeded)
            {
                world.Vm.Count(VmEvent.NetFragOrder3);
                FolioOps.Hold(world, task, big.Node, new FolioRef(big.Zone, big.Page), fragOrder, ReleaseTime(world, spec));
                return time;
            }
        }

        var small = PageAllocator.Alloc(world, new AllocRequest(task, spec.Gfp, 0, PageOwner.NetBuffer));
        time += small.CostNs;
        if (small.Succeeded)
        {
            world.Vm.Count(VmEvent.NetFragOrder0);
            FolioOps.Hold(world, task, small.Node, new FolioRef(small.Zone, small.Page), 0, ReleaseTime(world, spec));
        }

        return time;
    }

    /// <summary>
    /// The task uses its working set: pages reclaim took are faulted back (workingset refaults), and a
    /// sample of page frames on its node is looked at, marking its hot pages referenced.
    /// </summary>
    private static long Touch(World world, TaskState task)
    {
        long time = 0;
        if (task.RefaultDebtFile > 0)
        {
            task.RefaultDebtFile--;
            world.Vm.Count(VmEvent.WorkingsetRefaultFile);
            time += Fault(world, task, Gfp.Gfp.HighUserMovable, LruList.ActiveFile, PageOwner.LruFile, LruFlags.Hot | LruFlags.Referenced);
        }
        else if (task.RefaultDebtAnon > 0)
        {
            task.RefaultDebtAnon--;
            world.Swap.UsedPages = Math.Max(0, world.Swap.UsedPages - 1);
            world.Vm.Count(VmEvent.WorkingsetRefaultAnon);
            time += Fault(world, task, Gfp.Gfp.HighUserMovable, LruList.ActiveAnon, PageOwner.LruAnon, LruFlags.Hot | LruFlags.Referenced);
        }

        var lru = world.Lru[task.Node];
        var zones = world.ZonesOf(task.Node);
        for (var i = 0; i < 16; i++)
        {
            var z = world.Random.Next(zones.Count);
            if (zones[z].SpannedPages == 0)
            {
                continue;
            }

            var page = world.Random.Next(zones[z].SpannedPages);
            var folio = new FolioRef(z, page);
            if (zones[z].StateAt(page) == PageState.AllocatedHead && lru.OnLru(folio) && lru.TaskOf(folio) == task.Id
                && (lru.FlagsOf(folio) & LruFlags.Hot) != 0)
            {
                lru.SetFlags(folio, LruFlags.Referenced);
            }
        }

        return time + world.Costs.PageFault;
    }

    // munmap of the task's oldest pages: the tails of its inactive lists
    private static long Unmap(World world, TaskState task)
    {
        var lru = world.Lru[task.Node];
        foreach (var list in new[] { LruList.InactiveAnon, LruList.InactiveFile, LruList.ActiveAnon, LruList.ActiveFile })
        {
            for (var folio = lru.TailOf(task.Memcg, list); folio is { } f; folio = lru.PrevOf(f))
            {
                if (lru.TaskOf(f) == task.Id)
                {
                    FolioOps.Release(world, task.Node, f);
                    return world.Costs.FreePage;
                }
            }
        }

        return world.Costs.FreePage;
    }

    // mirrors drop_pagecache_sb() via "echo 1 > /proc/sys/vm/drop_caches": clean, unmapped file pages go
    private static long DropCaches(World world)
    {
        long time = 0;
        for (var nid = 0; nid < world.Lru.Length; nid++)
        {
            var lru = world.Lru[nid];
            foreach (var vec in lru.Lruvecs)
            {
                foreach (var list in new[] { LruList.InactiveFile, LruList.ActiveFile })
                {
                    var folio = lru.TailOf(vec.Memcg, list);
                    while (folio is { } f)
                    {
                        var prev = lru.PrevOf(f);
                        var flags = lru.FlagsOf(f);
                        if ((flags & (LruFlags.Dirty | LruFlags.LazyFree)) == 0)
                        {
                            FolioOps.Release(world, nid, f);
                            time += world.Costs.FreePage;
                        }

                        folio = prev;
                    }
                }
            }
        }

        return time;
    }

    private static long Exit(World world, TaskState task)
    {
        OomKiller.Kill(world, task);
        return world.Costs.FreePage;
    }

    /// <summary>
    /// Seed 000's fragmenter: fault an arena page by page, then in every chunk pin (mlock) all pages but
    /// the last, which is MADV_FREE'd: the pinned pages can neither be reclaimed nor migrated, so no
    /// free block larger than one page can form while the freed pages keep reclaim fed.
    /// </summary>
    private static long FragmentArena(World world, TaskState task, ActivitySpec spec)
    {
        var pages = spec.ArenaPages;
        if (pages <= 0)
        {
            var free = world.ZonesOf(task.Node).Sum(z => z.NrFreePages);
            pages = free - (long)(spec.ReserveMb * 256);
        }

        long time = 0;
        var chunk = Math.Max(2, spec.ChunkPages);
        var gfp = spec.Gfp == Gfp.Gfp.Kernel ? Gfp.Gfp.HighUserMovable : spec.Gfp;
        var unmapLater = new List<(int Node, FolioRef Folio)>();
        for (long i = 0; i < pages; i++)
        {
            var lazy = i % chunk == chunk - 1;
            var owner = lazy ? PageOwner.LruAnon : PageOwner.Pinned;
            var outcome = PageAllocator.Alloc(world, new AllocRequest(task, gfp, 0, owner));
            time += world.Costs.PageFault + outcome.CostNs;
            if (!outcome.Succeeded)
            {
                break;
            }

            var folio = new FolioRef(outcome.Zone, outcome.Page);
            if (lazy && spec.ArenaUnmap)
            {
                // Ordinary anon until the unmap, so that reclaim cannot take it first.
                FolioOps.AddToLru(world, outcome.Node, folio, 0, LruList.Unevictable, task, LruFlags.None);
                unmapLater.Add((outcome.Node, folio));
                continue;
            }

            FolioOps.AddToLru(world, outcome.Node, folio, 0, lazy ? LruList.InactiveFile : LruList.Unevictable, task, lazy ? LruFlags.LazyFree : LruFlags.None);
        }

        // Unmapping after the whole arena is faulted keeps every freed page between pinned ones.
        foreach (var (node, folio) in unmapLater)
        {
            if (task.Killed)
            {
                break;
            }

            FolioOps.Release(world, node, folio);
            time += world.Costs.FreePage;
        }

        return time;
    }
}
