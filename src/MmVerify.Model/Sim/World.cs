using MmVerify.Model.Buddy;
using MmVerify.Model.Compaction;
using MmVerify.Model.Kswapd;
using MmVerify.Model.Lru;
using MmVerify.Model.Topology;
using MmVerify.Model.Trace;
using MmVerify.Model.Variants;

namespace MmVerify.Model.Sim;

/// <summary>
/// Everything the kernel model holds: memory (zones, buddy lists), LRUs, per-node reclaim state,
/// memory cgroups, swap, tasks, time, vmstat counters and the variant's policies. The step
/// functions of the allocator, kswapd, kcompactd and the tasks all act on a World.
/// </summary>
public sealed class World
{
    public World(Machine machine, KernelPolicy policy, IReadOnlyList<Memcg>? memcgs = null, long swapPages = 0, int hz = 250, ITraceSink? trace = null, Costs? costs = null, ulong seed = 1, long uptimeAtStartNs = 0)
    {
        Random = new DetRandom(seed);
        HighestZoneCache = new int[machine.Nodes.Count * 32];
        Machine = machine;
        Policy = policy;
        Memcgs = memcgs?.ToList() ?? [new Memcg(0, "/", long.MaxValue)];
        if (Memcgs.Count == 0 || Memcgs[0].Id != 0)
        {
            throw new ArgumentException("memcg 0 must be the root", nameof(memcgs));
        }

        Lru = machine.Nodes.Select(n => new NodeLru(n.Zones, Memcgs.Count)).ToArray();
        Reclaim = machine.Nodes.Select(n => new NodeReclaimState(n.Zones.Count) { KswapdNextRunNs = 0 }).ToArray();
        Compaction = machine.Nodes.Select(n => n.Zones.Select(_ => new ZoneCompactionState()).ToArray()).ToArray();
        Swap = new SwapState { TotalPages = swapPages };
        Clock = new SimClock(hz) { UptimeAtStartNs = uptimeAtStartNs };
        Trace = trace ?? NullTraceSink.Instance;
        Costs = costs ?? Costs.Default;
        policy.Boot(this);
    }

    private World(World other, ITraceSink trace)
    {
        Machine = other.Machine.Clone();
        Policy = other.Policy;
        Memcgs = other.Memcgs.Select(m => m.Clone()).ToList();
        Lru = other.Lru.Select(l => l.Clone()).ToArray();
        Reclaim = other.Reclaim.Select(r => r.Clone()).ToArray();
        Compaction = other.Compaction.Select(n => n.Select(z => z.Clone()).ToArray()).ToArray();
        Swap = other.Swap.Clone();
        Clock = other.Clock.Clone();
        Vm = other.Vm.Clone();
        Tasks = other.Tasks.Select(t => t.Clone()).ToList();
        Costs = other.Costs;
        Trace = trace;
        PolicyState = other.PolicyState.Clone();
        Random = other.Random.Clone();
        HighestZoneCache = (int[])other.HighestZoneCache.Clone();
    }

    public Machine Machine { get; }

    public KernelPolicy Policy { get; }

    public List<Memcg> Memcgs { get; }

    /// <summary>Per node: the LRUs.</summary>
    public NodeLru[] Lru { get; }

    /// <summary>Per node: kswapd and kcompactd state.</summary>
    public NodeReclaimState[] Reclaim { get; }

    /// <summary>Per node, per zone: compaction deferral state.</summary>
    public ZoneCompactionState[][] Compaction { get; }

    public SwapState Swap { get; }

    public SimClock Clock { get; }

    public VmCounters Vm { get; } = new();

    public List<TaskState> Tasks { get; } = [];

    public Costs Costs { get; }

    /// <summary>Zonelist.HighestZoneIndex's cache: [node * 32 + zone bits of the gfp] = index + 1 (0: not yet known).</summary>
    internal int[] HighestZoneCache { get; }

    /// <summary>The workload's randomness (which pages a task touches); the kernel model itself has none.</summary>
    public DetRandom Random { get; }

    public ITraceSink Trace { get; set; }

    /// <summary>State the variant's policies keep (e.g. an auto-tuning patch's debounce timestamp).</summary>
    public PolicyState PolicyState { get; private set; } = new();

    public IReadOnlyList<PgData> Nodes => Machine.Nodes;

    public VmSysctls Sysctls => Machine.Sysctls;

    public long NowNs => Clock.NowNs;

    public IReadOnlyList<Zone> ZonesOf(int node) => Machine.Nodes[node].Zones;

    /// <summary>A deep copy (for the explorer and for replay); the copy traces into the given sink.</summary>
    public World Clone(ITraceSink? trace = null) => new(this, trace ?? NullTraceSink.Instance);

    public static string KswapdComm(int nid) => $"kswapd{nid}";

    public static int KswapdPid(int nid) => 70 + nid;

    public static string KcompactdComm(int nid) => $"kcompactd{nid}";

    public static int KcompactdPid(int nid) => 60 + nid;
}
