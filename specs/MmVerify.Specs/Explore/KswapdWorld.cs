using MmVerify.Engine.Explore;
using MmVerify.Model.Gfp;
using MmVerify.Model.Kswapd;
using MmVerify.Model.Variants;
using MmVerify.Model.Watermarks;
using MmVerify.Specs.Theories;

namespace MmVerify.Specs.Explore;

/// <summary>
/// The explicit-state world of kswapd, reclaim and watermarks: per node a tiny zone (free, cold file, memcg
/// pages, boost), kswapd's phase and kswapd_failures, and a hog. The step function calls the model's own
/// functions (__zone_watermark_ok, boost_watermark's arithmetic, balance_pgdat's boost decay) and the variant's
/// policy objects through <see cref="FailureTable"/>. Abstractions: one page per reclaim; kswapd and direct
/// reclaim take only cold file pages (the memcg's pages are hot: only memory.high reclaim takes them); order 0,
/// one zone per node, no swap; allocation failure (OOM) is a stall, not a step.
/// </summary>
public sealed class KswapdWorld : IExploreWorld
{
    private readonly FailureTable _failures;
    private readonly bool _pcpRevives;

    public KswapdWorld(KswapdWorldConfig config, KernelPolicy policy)
    {
        config.Validate();
        Config = config;
        Policy = policy;
        _failures = new FailureTable(policy);
        _pcpRevives = policy.PcpRevivesHopeless;
        var start = new NodeState(config.Pages - config.File, config.File, 0, 0, 0, 0, KswapdRunPhase.Asleep, true);
        for (var n = 0; n < config.Nodes; n++)
        {
            Initial = NodeState.With(Initial, n, start);
        }
    }

    public KswapdWorldConfig Config { get; }

    public KernelPolicy Policy { get; }

    public ulong Initial { get; }

    public int MaxSuccessors => 7 * Config.Nodes;

    public IReadOnlyList<string> PropertyIds => KswapdExploreProperties.Ids;

    public IReadOnlyList<(string Name, long Value)> Sizes =>
    [
        ("nodes", Config.Nodes), ("pages", Config.Pages), ("min", Config.Min), ("low", Config.Low), ("high", Config.High), ("file", Config.File),
        ("memcg_max", Config.MemcgMax), ("memcg_high", Config.MemcgHigh), ("boost_factor", Config.BoostFactor),
    ];

    public IEnumerable<int> Actions => Enumerable.Range(0, Config.Nodes).SelectMany(n => Kinds.Select(k => (n << 3) | (int)k));

    public ExploreProperty Property(string id) => KswapdExploreProperties.For(id, this);

    public static int NodeOf(int action) => action >> 3;

    public static NodeAction KindOf(int action) => (NodeAction)(action & 7);

    public static bool IsKswapd(int action) => KindOf(action) is NodeAction.KswapdStart or NodeAction.KswapdFinish;

    public int Successors(ulong state, Span<Step> into)
    {
        var k = 0;
        for (var node = 0; node < Config.Nodes; node++)
        {
            var s = NodeState.Of(state, node);
            foreach (var kind in Kinds)
            {
                if (Apply(s, kind) is { } next)
                {
                    into[k++] = new Step((node << 3) | (int)kind, NodeState.With(state, node, next));
                }
            }
        }

        return k;
    }

    public string ActionName(int action) => Config.Nodes == 1 ? Name(KindOf(action)) : $"{Name(KindOf(action))}@node{NodeOf(action)}";

    public string Describe(ulong state) => string.Join(" | ", Enumerable.Range(0, Config.Nodes).Select(n => Describe(NodeState.Of(state, n))));

    public string Describe(NodeState s) =>
        $"free={s.Free} file={s.File} memcg={s.Memcg} anon={Anon(s)} boost={s.Boost} failures={s.Failures} kswapd={s.Phase.ToString().ToLowerInvariant()}"
        + (s.Phase == KswapdRunPhase.Running ? $"(boost@start={s.BoostAtStart})" : "") + (s.HogAlive ? "" : " hog=exited");

    /// <summary>pgdat_balanced() at order 0 for the node's one zone: free above the (boosted) high watermark.</summary>
    public bool Balanced(NodeState s) => WatermarkOk(s.Free, Config.High + s.Boost);

    public bool Hopeless(NodeState s) => s.Failures >= KswapdFunctions.MaxReclaimRetries;

    public int Anon(NodeState s) => Config.Pages - s.Free - s.File - s.Memcg;

    /// <summary>The node after one action, or null when the action is not enabled (or changes nothing).</summary>
    public NodeState? Apply(NodeState s, NodeAction kind)
    {
        var next = kind switch
        {
            NodeAction.HogFault => s.HogAlive && WatermarkOk(s.Free, Config.Low + s.Boost) ? s with { Free = s.Free - 1 } : (NodeState?)null,
            NodeAction.HogFallback => HogFallback(s),
            NodeAction.HogExit => s.HogAlive ? HogExit(s) : null,
            NodeAction.AppFault => s.Memcg < Config.MemcgMax ? AppFault(s) : null,
            NodeAction.MemcgReclaim => s.Memcg > Config.MemcgHigh ? MemcgReclaim(s) : null,
            NodeAction.KswapdStart => s.Phase == KswapdRunPhase.Awake && !Hopeless(s) ? s with { Phase = KswapdRunPhase.Running, BoostAtStart = s.Boost } : null,
            NodeAction.KswapdFinish => s.Phase == KswapdRunPhase.Running ? KswapdFinish(s) : null,
            _ => null,
        };
        return next == s ? null : next;
    }

    private static readonly NodeAction[] Kinds = Enum.GetValues<NodeAction>();

    private static string Name(NodeAction kind) => kind switch
    {
        NodeAction.HogFault => "hog-fault",
        NodeAction.HogFallback => "hog-fault-fallback-boost",
        NodeAction.HogExit => "hog-exit",
        NodeAction.AppFault => "memcg-task-fault",
        NodeAction.MemcgReclaim => "memcg-high-reclaim",
        NodeAction.KswapdStart => "kswapd-balance-start",
        _ => "kswapd-balance-end",
    };

    private static bool WatermarkOk(int free, int mark) =>
        WatermarkCheck.WatermarkOk(NoFreeAreas.Instance, 0, mark, 0, AllocFlags.None, free, 0, 0);

    // mirrors wakeup_kswapd(), mm/vmscan.c, v7.2: a hopeless node, or a balanced and unboosted one, is not woken
    private NodeState Wake(NodeState s) =>
        s.Phase != KswapdRunPhase.Asleep || Hopeless(s) || (Balanced(s) && s.Boost == 0) ? s : s with { Phase = KswapdRunPhase.Awake };

    private NodeState? HogFallback(NodeState s)
    {
        if (!s.HogAlive || !WatermarkOk(s.Free, Config.Low + s.Boost))
        {
            return null;
        }

        // mirrors boost_watermark(), mm/page_alloc.c, v7.2 (pageblock = 1 page here), then rmqueue()'s ZONE_BOOSTED_WATERMARK wakeup
        var boost = WatermarkBoosting.NextBoost(s.Boost, Config.BoostFactor, 1, Config.Pages, Config.High);
        if (boost < 0 || boost == s.Boost)
        {
            return null;
        }

        return Wake(s with { Free = s.Free - 1, Boost = (int)boost });
    }

    private NodeState HogExit(NodeState s)
    {
        var freed = s with { Free = s.Free + Anon(s), HogAlive = false };

        // mirrors free_frozen_page_commit(), mm/page_alloc.c (≈v6.18): a free that leaves the zone above high revives a hopeless node
        return _pcpRevives && WatermarkOk(freed.Free, Config.High)
            ? freed with { Failures = _failures.Next(CounterEvent.PcpFree, false, false, true, freed.Failures) }
            : freed;
    }

    // mirrors __alloc_pages_slowpath(), mm/page_alloc.c, v7.2, as far as reclaim goes: fast path at low, wake, min, direct reclaim
    private NodeState? AppFault(NodeState s)
    {
        if (WatermarkOk(s.Free, Config.Low + s.Boost))
        {
            return s with { Free = s.Free - 1, Memcg = s.Memcg + 1 };
        }

        var woken = Wake(s);
        if (WatermarkOk(s.Free, Config.Min + s.Boost))
        {
            return woken with { Free = s.Free - 1, Memcg = s.Memcg + 1 };
        }

        if (s.File == 0)
        {
            return woken;
        }

        var after = woken with { Free = s.Free + 1, File = s.File - 1 };
        return after with { Failures = _failures.Next(CounterEvent.DirectReclaim, true, false, Balanced(after), s.Failures) };
    }

    // mirrors mem_cgroup_handle_over_high() -> try_to_free_mem_cgroup_pages() -> shrink_node(), one hot page of the memcg
    private NodeState MemcgReclaim(NodeState s)
    {
        var after = s with { Free = s.Free + 1, Memcg = s.Memcg - 1 };
        return after with { Failures = _failures.Next(CounterEvent.MemcgReclaim, true, false, Balanced(after), s.Failures) };
    }

    // mirrors balance_pgdat() and kswapd_try_to_sleep(), mm/vmscan.c, v7.2, one run collapsed to one page
    private NodeState KswapdFinish(NodeState s)
    {
        var boosted = s.BoostAtStart > 0;
        var reclaimed = !Balanced(s) && s.File > 0;
        var after = reclaimed ? s with { Free = s.Free + 1, File = s.File - 1 } : s;
        var failures = _failures.Next(CounterEvent.KswapdRun, reclaimed, boosted, Balanced(after), s.Failures);
        var boost = (int)WatermarkBoosting.BoostAfterRun(after.Boost, s.BoostAtStart);
        var ended = after with { Failures = failures, Boost = boost, BoostAtStart = 0 };
        var sleeps = Hopeless(ended) || Balanced(ended);
        return ended with { Phase = sleeps ? KswapdRunPhase.Asleep : KswapdRunPhase.Awake };
    }
}
