using MmVerify.Engine.Explore;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Kswapd;
using MmVerify.Model.Variants;
using MmVerify.Model.Watermarks;
using MmVerify.Specs.Theories;

namespace MmVerify.Specs.Explore;

/// <summary>
/// The explicit-state world of S1 (net-order3-frag-storm) and S8 (kswapd-order-aware-2004): one zone with
/// free order-0 pages, at most one free order-3 block, a feeder's lazy-free LRU pages and a boost; kswapd
/// with its recorded order, the order of its run, sc.order and the pages reclaimed so far in the run. Order-3
/// requests wake kswapd when no block is free; kswapd reclaims one page per pass, drops to order 0 after
/// compact_gap (the variant's <see cref="IKswapdOrderDropPolicy"/> and <see cref="ICompactGapPolicy"/>) and tries
/// to sleep in two stages. The step calls the model's functions (__zone_watermark_ok, boost_watermark's
/// arithmetic, the boost decay) and the variant's policy objects (INetFragPolicy, IKswapdWakePolicy, the
/// failure counter through <see cref="FailureTable"/>). Abstractions: no compaction (a block forms only when a
/// held one is freed), one page per reclaim pass and no priorities, no time (so no CPU shares), the order-0
/// fallback pages of TX/RX are freed at once.
/// </summary>
public sealed class StormWorld : IExploreWorld
{
    private const int BlockPages = 8;

    /// <summary>A boost step: pageblock_nr_pages of this world (3 pages: boosts 3, 6, 9 up to max_boost = 1.5 x high).</summary>
    private const int PageblockPages = 3;

    private readonly FailureTable _failures;
    private readonly GfpFlags _txGfp;
    private readonly GfpFlags _rxGfp;
    private readonly StormAction[] _actions;

    public StormWorld(StormWorldConfig config, KernelPolicy policy)
    {
        config.Validate();
        Config = config;
        Policy = policy;
        _failures = new FailureTable(policy);
        _txGfp = config.NetFrag ? policy.NetFrag.Order3Gfp(Gfp.Kernel, rx: false) : Gfp.Atomic;
        _rxGfp = policy.NetFrag.Order3Gfp(Gfp.Atomic, rx: true);
        _actions = Enum.GetValues<StormAction>()
            .Where(a => (a != StormAction.RxOrder3 || config.NetFrag) && (a != StormAction.SniperTake || config.Sniper) && (a != StormAction.FallbackSteal || config.MobilityGrouping))
            .ToArray();
        var free = config.Lru / 2;
        Initial = new StormState(free, config.Lru - free, true, 0, 0, StormKswapd.Asleep, 0, 0, 0, 0, 0).Pack();
    }

    public StormWorldConfig Config { get; }

    public KernelPolicy Policy { get; }

    public ulong Initial { get; }

    public int MaxSuccessors => _actions.Length;

    public IReadOnlyList<string> PropertyIds => StormExploreProperties.Ids;

    public IReadOnlyList<(string Name, long Value)> Sizes =>
    [
        ("pages", Config.Pages), ("min", Config.Min), ("low", Config.Low), ("high", Config.High), ("lru", Config.Lru),
        ("boost_factor", Config.BoostFactor), ("order", Config.Order), ("net_frag", Config.NetFrag ? 1 : 0), ("sniper", Config.Sniper ? 1 : 0),
        ("mobility_grouping", Config.MobilityGrouping ? 1 : 0),
    ];

    public IEnumerable<int> Actions => _actions.Select(a => (int)a);

    public ExploreProperty Property(string id) => StormExploreProperties.For(id, this);

    public static bool IsKswapd(int action) => (StormAction)action is StormAction.KswapdStart or StormAction.KswapdReclaim or StormAction.KswapdNapEnd;

    public int Successors(ulong state, Span<Step> into)
    {
        var s = StormState.Unpack(state);
        var k = 0;
        foreach (var a in _actions)
        {
            if (Apply(s, a) is { } next && next != s)
            {
                into[k++] = new Step((int)a, next.Pack());
            }
        }

        return k;
    }

    public string ActionName(int action) => (StormAction)action switch
    {
        StormAction.TxOrder3 => Config.NetFrag ? "tx-frag-refill" : "nic-order3-alloc",
        StormAction.RxOrder3 => "rx-frag-refill",
        StormAction.BlockFreed => "order3-block-freed",
        StormAction.SniperTake => "sniper-take-block",
        StormAction.FeederRefault => "feeder-refault",
        StormAction.FallbackSteal => "fallback-steal-boost",
        StormAction.KswapdStart => "kswapd-balance-start",
        StormAction.KswapdReclaim => "kswapd-balance-pass",
        _ => "kswapd-nap-end",
    };

    public string Describe(ulong state)
    {
        var s = StormState.Unpack(state);
        var kswapd = s.Kswapd switch
        {
            StormKswapd.Running => $"running(order={s.RunOrder} sc.order={s.ScOrder} reclaimed={s.Reclaimed} boost@start={s.BoostAtStart})",
            StormKswapd.Napping => $"napping(reclaim_order={s.ScOrder})",
            _ => s.Kswapd.ToString().ToLowerInvariant(),
        };
        return $"free={s.Free} lru={s.Lru} block3={(s.Block ? 1 : 0)} boost={s.Boost} kswapd_order={s.KswapdOrder} failures={s.Failures} kswapd={kswapd}";
    }

    /// <summary>pgdat_balanced() for the one zone at an order: NR_FREE_PAGES over the (boosted) high watermark, and a block for order &gt; 0.</summary>
    public bool Balanced(StormState s, int order) => WatermarkOk(s, order, Config.High + s.Boost);

    public bool Hopeless(StormState s) => s.Failures >= KswapdFunctions.MaxReclaimRetries;

    /// <summary>The pages compact_gap(order) asks for, by the variant's policy.</summary>
    public long CompactGap(int order) => Policy.CompactGap.CompactGap(order);

    /// <summary>The world after one action, or null when it is not enabled.</summary>
    public StormState? Apply(StormState s, StormAction a) => a switch
    {
        StormAction.TxOrder3 => HighOrderRequest(s, _txGfp),
        StormAction.RxOrder3 => HighOrderRequest(s, _rxGfp),
        StormAction.BlockFreed => s.Block ? null : s with { Block = true },
        StormAction.SniperTake => s.Block ? s with { Block = false } : null,
        StormAction.FeederRefault => s.Lru < Config.Lru ? FeederRefault(s) : null,
        StormAction.FallbackSteal => FallbackSteal(s),
        StormAction.KswapdStart => s.Kswapd == StormKswapd.Awake
            ? s with { Kswapd = StormKswapd.Running, RunOrder = s.KswapdOrder, ScOrder = s.KswapdOrder, KswapdOrder = 0, Reclaimed = 0, BoostAtStart = s.Boost }
            : null,
        StormAction.KswapdReclaim => s.Kswapd == StormKswapd.Running ? BalancePass(s) : null,
        _ => s.Kswapd == StormKswapd.Napping ? s with { Kswapd = PrepareSleep(s, s.ScOrder) ? StormKswapd.Asleep : StormKswapd.Awake, ScOrder = 0 } : null,
    };

    private bool WatermarkOk(StormState s, int order, int mark) =>
        WatermarkCheck.WatermarkOk(new BlockAreas(s.Block, Config.Order), order, mark, 0, AllocFlags.None, s.Free + (s.Block ? BlockPages : 0), 0, 0);

    // mirrors wakeup_kswapd(), mm/vmscan.c, v7.2: record the order, then wake only a waiting kswapd whose node is
    // neither hopeless nor balanced-and-unboosted at that order (kcompactd's wakeup is not modelled)
    private StormState Wake(StormState s, int order)
    {
        var recorded = s with { KswapdOrder = Math.Max(s.KswapdOrder, order) };
        if (s.Kswapd is StormKswapd.Running or StormKswapd.Awake || Hopeless(s) || (Balanced(s, order) && s.Boost == 0))
        {
            return recorded;
        }

        // woken early from the nap: kswapd_try_to_sleep() raises kswapd_order to at least the reclaim order
        return s.Kswapd == StormKswapd.Napping
            ? recorded with { Kswapd = StormKswapd.Awake, KswapdOrder = Math.Max(recorded.KswapdOrder, s.ScOrder), ScOrder = 0 }
            : recorded with { Kswapd = StormKswapd.Awake };
    }

    // mirrors skb_page_frag_refill() / __page_frag_cache_refill() (S1) or a GFP_ATOMIC kernel allocation (S8), v7.2:
    // the high-order attempt takes the free block if the watermark allows; a failure reaches wake_all_kswapds()
    // when the gfp keeps __GFP_KSWAPD_RECLAIM and the variant's IKswapdWakePolicy allows. The order-0 fallback's page
    // is freed at once (lifetime 1 ms), so it changes nothing but may wake kswapd at order 0 below the low mark.
    private StormState? HighOrderRequest(StormState s, GfpFlags gfp)
    {
        if (WatermarkOk(s, Config.Order, Config.Low + s.Boost))
        {
            return s with { Block = false };
        }

        var woken = (gfp & GfpFlags.KswapdReclaim) != 0 && Policy.KswapdWake.MayWake(gfp, Config.Order) ? Wake(s, Config.Order) : s;
        return Config.NetFrag && !WatermarkOk(woken, 0, Config.Low + woken.Boost) ? Wake(woken, 0) : woken;
    }

    // mirrors the feeder's fault: __alloc_pages() of one movable page (fast path at low, else wake kswapd and take it
    // above min); below min the feeder stalls (direct reclaim would take back an LRU page it just freed)
    private StormState? FeederRefault(StormState s)
    {
        if (WatermarkOk(s, 0, Config.Low + s.Boost))
        {
            return s with { Free = s.Free - 1, Lru = s.Lru + 1 };
        }

        var woken = Wake(s, 0);
        return WatermarkOk(s, 0, Config.Min + s.Boost) ? woken with { Free = s.Free - 1, Lru = s.Lru + 1 } : woken;
    }

    // mirrors boost_watermark(), mm/page_alloc.c, v7.2 (pageblock = 3 pages), then rmqueue()'s ZONE_BOOSTED_WATERMARK
    // wakeup of kswapd at order 0; the stolen page is a TX fallback page, freed at once
    private StormState? FallbackSteal(StormState s)
    {
        if (!WatermarkOk(s, 0, Config.Low + s.Boost))
        {
            return null;
        }

        var boost = WatermarkBoosting.NextBoost(s.Boost, Config.BoostFactor, PageblockPages, Config.Pages, Config.High);
        return boost < 0 ? null : Wake(s with { Boost = (int)boost }, 0);
    }

    // mirrors one pass of balance_pgdat()'s priority loop and kswapd_shrink_node(), mm/vmscan.c, v7.2: out when
    // balanced at sc.order with the boost reclaimed (simplified: the boost pass is not abandoned when unbalanced),
    // out when nothing is left to reclaim; else one LRU page, then the variant's drop of sc.order after compact_gap
    private StormState BalancePass(StormState s)
    {
        var boostLeft = s.BoostAtStart - s.Reclaimed > 0;
        if (Balanced(s, s.ScOrder) && !boostLeft)
        {
            return EndRun(s, exhausted: false);
        }

        if (s.Lru == 0)
        {
            return EndRun(s, exhausted: true);
        }

        var reclaimed = Math.Min(s.Reclaimed + 1, StormState.MaxReclaimed);
        var after = s with { Free = s.Free + 1, Lru = s.Lru - 1, Reclaimed = reclaimed };
        var drop = s.ScOrder > 0 && Policy.OrderDrop.DropToOrderZero(s.ScOrder, reclaimed, CompactGap(s.ScOrder));

        // shrink_node()'s reset on progress (at the reclaimer's order), by the variant's policy
        var failures = _failures.Next(CounterEvent.KswapdRun, true, s.BoostAtStart > 0, Balanced(after, s.ScOrder), s.Failures);
        return after with { ScOrder = drop ? 0 : s.ScOrder, Failures = failures };
    }

    // mirrors balance_pgdat()'s end (failure count unless it left balanced, the boost decay) and the kswapd() loop's
    // kswapd_try_to_sleep(): nap (stage 1, kcompactd woken at the run's order) if prepare_kswapd_sleep() holds at
    // the reclaim order, else run again
    private StormState EndRun(StormState s, bool exhausted)
    {
        var failures = exhausted && s.Reclaimed == 0
            ? _failures.Next(CounterEvent.KswapdRun, false, s.BoostAtStart > 0, Balanced(s, s.ScOrder), s.Failures)
            : s.Failures;
        var ended = s with { Failures = failures, Boost = (int)WatermarkBoosting.BoostAfterRun(s.Boost, s.BoostAtStart), BoostAtStart = 0, Reclaimed = 0, RunOrder = 0 };
        return PrepareSleep(ended, s.ScOrder) ? ended with { Kswapd = StormKswapd.Napping } : ended with { Kswapd = StormKswapd.Awake, ScOrder = 0 };
    }

    // mirrors prepare_kswapd_sleep(), mm/vmscan.c, v7.2: hopeless, or balanced at the reclaim order
    private bool PrepareSleep(StormState s, int order) => Hopeless(s) || Balanced(s, order);

    /// <summary>Free areas with at most one free block, of the world's high order (MIGRATE_MOVABLE).</summary>
    private readonly struct BlockAreas(bool block, int order) : IFreeAreaView
    {
        public int MaxPageOrder => order;

        public long NrFree(int o) => o == order && block ? 1 : 0;

        public bool FreeAreaEmpty(int o, MigrateType mt) => !(o == order && block && mt == MigrateType.Movable);
    }
}
