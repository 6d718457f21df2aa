using MmVerify.Model.Buddy;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Topology;
using MmVerify.Model.Trace;
using MmVerify.Model.Variants;

namespace MmVerify.Model.Tests.Support;

/// <summary>Small worlds for reclaim tests: one node, one Normal zone, tasks added by hand.</summary>
internal static class Worlds
{
    public static World OneZone(string variant, long pages = 16384, long minFreeKbytes = 4096, long swapPages = 0, TraceBuffer? trace = null)
    {
        var spec = new MachineSpec([new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Normal, 0, pages)])]);
        var machine = Topology.Machine.Boot(spec, new VmSysctls { UserMinFreeKbytes = minFreeKbytes }, BuddyGeometry.X86_64);
        var world = new World(machine, VariantCatalog.Resolve(variant), swapPages: swapPages, trace: trace);
        world.Tasks.Add(new TaskState(0, 1000, "filler", 0, 0));
        return world;
    }

    public static Zone Zone(World world) => world.ZonesOf(0)[0];

    /// <summary>Faults order-0 pages for task 0 straight from the buddy onto an LRU list until free reaches target.</summary>
    public static void FillTo(World world, long freeTarget, LruList list, PageOwner owner, LruFlags flags = LruFlags.None)
    {
        var zone = Zone(world);
        var task = world.Tasks[0];
        while (zone.NrFreePages > freeTarget)
        {
            var page = zone.Rmqueue(0, MigrateType.Movable, Gfp.AllocFlags.None, owner);
            FolioOps.AddToLru(world, 0, new FolioRef(0, page), 0, list, task, flags);
        }
    }

    /// <summary>Runs kswapd's steps until it sleeps fully or the step budget is used; returns the steps taken.</summary>
    public static int RunKswapd(World world, int maxSteps = 10_000)
    {
        var steps = 0;
        var state = world.Reclaim[0];
        while (steps < maxSteps && state.Phase != Kswapd.KswapdPhase.Sleeping)
        {
            world.Clock.NowNs = Math.Max(world.Clock.NowNs, state.KswapdNextRunNs);
            Kswapd.KswapdThread.Step(world, 0);
            steps++;
        }

        return steps;
    }
}
