using MmVerify.Model.Buddy;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;
using MmVerify.Model.Topology;
using MmVerify.Model.Variants;
using MmVerify.Model.Workload;

namespace MmVerify.Model.Tests.WorkloadTests;

/// <summary>
/// A world with one task ("t", id 0) for running single task operations. Default costs: a fast-path
/// allocation 250 ns, a page fault 1000 ns, a freed page 150 ns.
/// </summary>
internal static class TaskWorld
{
    /// <summary>MAX_PAGE_ORDER 4, pageblock_order 2 (so a "THP" is order 2); min_free_kbytes 128: min 32, low 40, high 48.</summary>
    public static readonly BuddyGeometry Small = new(4, 2);

    public static World New(long pages = 1024, BuddyGeometry? geometry = null, Memcg? memcg = null, Costs? costs = null) =>
        On(Toy.Machine(pages, geometry ?? Small), memcg, costs);

    /// <summary>A world on one node of the given zones (min_free_kbytes 128, small geometry).</summary>
    public static World OnZones(params ZoneSpec[] zones) =>
        On(Machine.Boot(new MachineSpec([new NodeSpec(0, zones)]), new VmSysctls { UserMinFreeKbytes = 128 }, Small));

    public static World On(Machine machine, Memcg? memcg = null, Costs? costs = null)
    {
        IReadOnlyList<Memcg> memcgs = memcg is null ? [new Memcg(0, "/", long.MaxValue)] : [new Memcg(0, "/", long.MaxValue), memcg];
        var world = new World(machine, VariantCatalog.Resolve("linux-7.2"), memcgs, costs: costs);
        world.Tasks.Add(new TaskState(0, 1000, "t", memcgs.Count - 1, 0));
        return world;
    }

    /// <summary>Task 0 doing the operation in a phase from 0 to endSeconds.</summary>
    public static Activity Activity(World world, ActivitySpec spec, double endSeconds = 1000) =>
        new(0, world.Tasks[0], spec, new PhaseSpec("p", 0, endSeconds, [spec]));

    public static ActivitySpec Spec(OpKind op) => new() { Task = "t", Op = op };

    /// <summary>Runs one TaskOps.Run of the operation for task 0; returns the time it took.</summary>
    public static long Run(World world, OpKind op, Func<ActivitySpec, ActivitySpec>? with = null)
    {
        var spec = Spec(op);
        return TaskOps.Run(world, Activity(world, with is null ? spec : with(spec)), out _);
    }

    /// <summary>Takes one order-0 page from zone 0 straight from the buddy and puts it on an LRU list for a task.</summary>
    public static FolioRef Fault(World world, LruList list, LruFlags flags, int task = 0)
    {
        var page = world.ZonesOf(0)[0].Rmqueue(0, MigrateType.Movable, Gfp.AllocFlags.None, PageOwner.LruFile);
        var folio = new FolioRef(0, page);
        FolioOps.AddToLru(world, 0, folio, 0, list, world.Tasks[task], flags);
        return folio;
    }

    /// <summary>Takes order-0 pages straight from the buddy (owned by nobody's LRU) until the zone has free pages left.</summary>
    public static void TakeUntil(Zone zone, long free)
    {
        while (zone.NrFreePages > free)
        {
            zone.Rmqueue(0, MigrateType.Movable, Gfp.AllocFlags.None, PageOwner.Unmovable);
        }
    }

    /// <summary>Every folio of a list, from the tail (oldest) on.</summary>
    public static List<FolioRef> Folios(World world, LruList list, int memcg = 0)
    {
        var lru = world.Lru[0];
        var result = new List<FolioRef>();
        for (var f = lru.TailOf(memcg, list); f is { } folio; f = lru.PrevOf(folio))
        {
            result.Add(folio);
        }

        return result;
    }
}
