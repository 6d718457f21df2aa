using MmVerify.Engine.Explore;
using MmVerify.Model.Gfp;
using MmVerify.Model.Variants;
using MmVerify.Model.Watermarks;

namespace MmVerify.Specs.Explore;

/// <summary>
/// The explicit-state world of S7 (defrag-mode-atomic-net): one zone with defrag_mode on whose free memory sits
/// in half-used movable pageblocks (no completely free pageblock, so ALLOC_NOFRAGMENT's CLAIM finds nothing),
/// a NIC taking unmovable GFP_ATOMIC order-0 slab pages and freeing them, and an application faulting and
/// freeing movable pages. An atomic allocation takes a free unmovable page, or steals a movable one when
/// ALLOC_NOFRAGMENT is clear; with it set and nothing unmovable free, the slow path may clear it and retry only
/// if the variant's <see cref="IDefragFallbackPolicy.NonBlockingMayDropNoFragment"/> says so (the May 2026 fix).
/// The admission test is the model's __zone_watermark_ok with gfp_to_alloc_flags() of GFP_ATOMIC. Abstractions:
/// one allocation is one step (fast path, kswapd wakeup and retries collapsed), no reclaim, no highatomic.
/// </summary>
public sealed class NetAtomicWorld : IExploreWorld
{
    private readonly AllocFlags _atomicFlags;
    private readonly bool _mayDrop;

    public NetAtomicWorld(NetAtomicWorldConfig config, KernelPolicy policy)
    {
        config.Validate();
        Config = config;
        Policy = policy;
        _atomicFlags = GfpRules.GfpToAllocFlags(Gfp.Atomic, 0, defragMode: true);
        _mayDrop = policy.DefragFallback.NonBlockingMayDropNoFragment;
        Initial = new NetAtomicState(0, config.StartFreeMovable, 0, 0, false).Pack();
    }

    public NetAtomicWorldConfig Config { get; }

    public KernelPolicy Policy { get; }

    public ulong Initial { get; }

    public int MaxSuccessors => 5;

    public IReadOnlyList<string> PropertyIds => NetAtomicExploreProperties.Ids;

    public IReadOnlyList<(string Name, long Value)> Sizes =>
        [("min", Config.Min), ("start_free_movable", Config.StartFreeMovable), ("movable_max", Config.MovableMax), ("nic_max", Config.NicMax)];

    public IEnumerable<int> Actions => Enumerable.Range(0, 5);

    public ExploreProperty Property(string id) => NetAtomicExploreProperties.For(id, this);

    public int Successors(ulong state, Span<Step> into)
    {
        var s = NetAtomicState.Unpack(state);
        var k = 0;
        for (var a = 0; a < 5; a++)
        {
            if (Apply(s, a) is { } next && next.Pack() != state)
            {
                into[k++] = new Step(a, next.Pack());
            }
        }

        return k;
    }

    public string ActionName(int action) => action switch
    {
        0 => "nic-gfp-atomic-alloc",
        1 => "nic-free-unmovable",
        2 => "nic-free-stolen",
        3 => "app-fault-movable",
        _ => "app-free-movable",
    };

    public string Describe(ulong state)
    {
        var s = NetAtomicState.Unpack(state);
        return $"free_unmovable={s.FreeUnmovable} free_movable={s.FreeMovable} nic_held={s.HeldUnmovable}+{s.HeldStolen}stolen{(s.Failed ? " (allocation failed)" : "")}";
    }

    /// <summary>The slow path's admission test for the NIC's GFP_ATOMIC order-0 request: __zone_watermark_ok at min with its flags.</summary>
    public bool Admitted(NetAtomicState s) => WatermarkCheck.WatermarkOk(NoFreeAreas.Instance, 0, Config.Min, 0, _atomicFlags, s.Free, 0, 0);

    public NetAtomicState? Apply(NetAtomicState s, int action)
    {
        var quiet = s with { Failed = false };
        return action switch
        {
            0 => quiet.HeldUnmovable + quiet.HeldStolen < Config.NicMax ? AtomicAlloc(quiet) : null,
            1 => s.HeldUnmovable > 0 ? quiet with { HeldUnmovable = s.HeldUnmovable - 1, FreeUnmovable = s.FreeUnmovable + 1 } : null,
            2 => s.HeldStolen > 0 ? quiet with { HeldStolen = s.HeldStolen - 1, FreeMovable = s.FreeMovable + 1 } : null,

            // the application's movable faults pass the low watermark on the fast path (no NOFRAGMENT issue: same type)
            3 => s.FreeMovable > 0 && WatermarkCheck.WatermarkOk(NoFreeAreas.Instance, 0, Config.Min + 1, 0, AllocFlags.None, s.Free, 0, 0)
                ? quiet with { FreeMovable = s.FreeMovable - 1 } : null,
            _ => s.FreeMovable < Config.MovableMax ? quiet with { FreeMovable = s.FreeMovable + 1 } : null,
        };
    }

    // mirrors __rmqueue() under ALLOC_NOFRAGMENT (mm/page_alloc.c, v7.2: no STEAL, CLAIM only whole pageblocks, none
    // here) and __alloc_pages_slowpath()'s "no direct reclaim" step: clear NOFRAGMENT and retry when the variant allows
    private NetAtomicState AtomicAlloc(NetAtomicState s)
    {
        if (!Admitted(s))
        {
            return s with { Failed = true };
        }

        if (s.FreeUnmovable > 0)
        {
            return s with { FreeUnmovable = s.FreeUnmovable - 1, HeldUnmovable = s.HeldUnmovable + 1 };
        }

        var nofragment = (_atomicFlags & AllocFlags.NoFragment) != 0;
        return s.FreeMovable > 0 && (!nofragment || _mayDrop)
            ? s with { FreeMovable = s.FreeMovable - 1, HeldStolen = s.HeldStolen + 1 }
            : s with { Failed = true };
    }
}
