using MmVerify.Model.Compaction;
using MmVerify.Model.Kswapd;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Topology;
using MmVerify.Model.Trace;
using MmVerify.Model.Workload;

namespace MmVerify.Model.Sim;

/// <summary>Which actor took a step.</summary>
public enum ActorKind
{
    Tick,
    Kswapd,
    Kcompactd,
    Task,
}

/// <summary>
/// Runs a World in simulated time. Each actor (kswapd and kcompactd per node, one per task activity,
/// and a once-per-second tick) has its own timeline; the next step always belongs to the actor due
/// earliest, ties broken by a fixed order, so a run is a deterministic function of its setup.
/// </summary>
public sealed class Simulation
{
    private const long Second = 1_000_000_000;
    private readonly List<Activity> _activities = [];
    private readonly long[] _lastKswapdBusy;
    private long _nextTickNs;

    public Simulation(SimulationSetup setup, ITraceSink? trace = null)
    {
        Setup = setup;
        var sysctls = setup.Sysctls.Clone();
        var machine = Machine.Boot(setup.Machine, sysctls, setup.Geometry);
        var memcgs = new List<Memcg> { new(0, "/", long.MaxValue) };
        foreach (var m in setup.Workload.Memcgs.Where(m => m.Name != "/"))
        {
            memcgs.Add(new Memcg(memcgs.Count, m.Name, m.HighPages ?? long.MaxValue));
        }

        World = new World(machine, setup.Policy, memcgs, setup.SwapPages, setup.Hz, trace, setup.Costs, setup.Seed, (long)(setup.UptimeAtStartSeconds * 1e9));
        var tasks = new Dictionary<string, TaskState>();
        foreach (var t in setup.Workload.Tasks)
        {
            var memcg = memcgs.FindIndex(m => m.Name == t.Memcg);
            if (memcg < 0)
            {
                throw new ArgumentException($"task '{t.Name}' names unknown memcg '{t.Memcg}'");
            }

            if (t.Node < 0 || t.Node >= machine.Nodes.Count)
            {
                throw new ArgumentException($"task '{t.Name}' names node {t.Node}, which does not exist");
            }

            var state = new TaskState(World.Tasks.Count, 1000 + World.Tasks.Count, t.Name, memcg, t.Node) { Bound = t.Bind };
            World.Tasks.Add(state);
            tasks[t.Name] = state;
        }

        foreach (var phase in setup.Workload.Phases)
        {
            foreach (var a in phase.Activities)
            {
                if (!tasks.TryGetValue(a.Task, out var task))
                {
                    throw new ArgumentException($"phase '{phase.Name}' names unknown task '{a.Task}'");
                }

                _activities.Add(new Activity(_activities.Count, task, a, phase));
            }
        }

        _lastKswapdBusy = new long[machine.Nodes.Count];
        _nextTickNs = Second;
    }

    public SimulationSetup Setup { get; }

    public World World { get; }

    public IReadOnlyList<Activity> Activities => _activities;

    public List<SimSample> Samples { get; } = [];

    /// <summary>Called after every step with the actor that ran (properties observe here).</summary>
    public Action<World, ActorKind, int>? AfterStep { get; set; }

    /// <summary>Steps taken so far.</summary>
    public long Steps { get; private set; }

    /// <summary>Runs until simulated time reaches endNs (or nothing is left to run).</summary>
    public void RunUntil(long endNs)
    {
        while (true)
        {
            var (kind, index, at) = NextActor();
            if (at > endNs || at == long.MaxValue)
            {
                World.Clock.NowNs = Math.Max(World.Clock.NowNs, Math.Min(endNs, at));
                return;
            }

            World.Clock.NowNs = Math.Max(World.Clock.NowNs, at);
            switch (kind)
            {
                case ActorKind.Tick:
                    Tick();
                    break;
                case ActorKind.Kswapd:
                    KswapdThread.Step(World, index);
                    break;
                case ActorKind.Kcompactd:
                    Kcompactd.Step(World, index);
                    break;
                default:
                    _activities[index].Step(World);
                    break;
            }

            Steps++;
            AfterStep?.Invoke(World, kind, index);
        }
    }

    public void RunSeconds(double seconds) => RunUntil(World.NowNs + (long)(seconds * Second));

    private (ActorKind Kind, int Index, long At) NextActor()
    {
        var best = (ActorKind.Tick, 0, _nextTickNs);
        for (var n = 0; n < World.Reclaim.Length; n++)
        {
            var r = World.Reclaim[n];
            if (r.KswapdNextRunNs < best.Item3)
            {
                best = (ActorKind.Kswapd, n, r.KswapdNextRunNs);
            }

            if (r.KcompactdNextRunNs < best.Item3)
            {
                best = (ActorKind.Kcompactd, n, r.KcompactdNextRunNs);
            }
        }

        foreach (var a in _activities)
        {
            if (!a.Finished && a.NextRunNs < best.Item3)
            {
                best = (ActorKind.Task, a.Id, a.NextRunNs);
            }
        }

        return best;
    }

    private void Tick()
    {
        foreach (var task in World.Tasks)
        {
            FolioOps.ReleaseDue(World, task);
        }

        World.Policy.ReserveTuning.OnTick(World);
        Samples.Add(TakeSample());
        _nextTickNs += Second;
    }

    private SimSample TakeSample()
    {
        var buddyinfo = new Dictionary<string, long[]>();
        var boost = new Dictionary<string, long>();
        var zones = new List<ZoneSample>();
        long free = 0;
        foreach (var node in World.Nodes)
        {
            foreach (var zone in node.Zones)
            {
                var label = $"Node {node.NodeId}, zone {zone.Name,8}";
                boost[label] = zone.WatermarkBoost;
                if (!zone.IsPopulated)
                {
                    continue;
                }

                free += zone.NrFreePages;
                zones.Add(new ZoneSample(label, zone.NrFreePages, zone.RawWatermark(Gfp.WmarkIndex.Min), zone.RawWatermark(Gfp.WmarkIndex.Low), zone.RawWatermark(Gfp.WmarkIndex.High), zone.WatermarkBoost));
                buddyinfo[label] = Enumerable.Range(0, zone.Geometry.NrPageOrders).Select(o => zone.NrFree(o)).ToArray();
            }
        }

        var busy = new double[World.Reclaim.Length];
        for (var n = 0; n < busy.Length; n++)
        {
            busy[n] = Math.Min(1.0, (World.Reclaim[n].KswapdBusyNs - _lastKswapdBusy[n]) / (double)Second);
            _lastKswapdBusy[n] = World.Reclaim[n].KswapdBusyNs;
        }

        return new SimSample(
            World.NowNs / (double)Second,
            free,
            AvailablePages(free),
            buddyinfo,
            busy,
            World.Vm[VmEvent.PgscanKswapd],
            World.Vm[VmEvent.PgstealKswapd],
            World.Reclaim.Select(r => r.KswapdFailures).ToArray(),
            boost,
            World.Sysctls.MinFreeKbytes)
        {
            NodeBalanced = World.Nodes.Select((n, i) => Kswapd.KswapdFunctions.PgdatBalanced(World, i, 0, n.Zones.Count - 1)).ToArray(),
            NodeHighPages = World.Nodes.Select(n => n.Zones.Sum(z => z.IsPopulated ? z.HighWmarkPages : 0)).ToArray(),
            NodeFreePages = World.Nodes.Select(n => n.Zones.Sum(z => z.NrFreePages)).ToArray(),
            Zones = zones,
        };
    }

    // mirrors si_mem_available(), mm/show_mem.c, v7.2: free above the reserves plus the cache that could go
    private long AvailablePages(long free)
    {
        var reserve = World.Machine.TotalreservePages;
        long low = World.Machine.Zones.Sum(z => z.LowWmarkPages);
        long pagecache = 0, slab = 0;
        foreach (var lru in World.Lru)
        {
            pagecache += lru.NodeSize(LruList.InactiveFile) + lru.NodeSize(LruList.ActiveFile);
            slab += lru.NodeSize(LruList.Slab);
        }

        var available = free - reserve;
        available += pagecache - Math.Min(pagecache / 2, low);
        available += slab - Math.Min(slab / 2, low);
        return Math.Max(0, available);
    }
}
