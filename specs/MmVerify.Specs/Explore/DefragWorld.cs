using MmVerify.Engine.Explore;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Kswapd;
using MmVerify.Model.Sim;
using MmVerify.Model.Topology;
using MmVerify.Model.Variants;
using MmVerify.Model.Watermarks;

namespace MmVerify.Specs.Explore;

/// <summary>
/// The explicit-state world of S6 (defrag-mode-oom-path): one hog faulting order-0 GFP_HIGHUSER_MOVABLE pages
/// with defrag_mode on, swap off and nothing reclaimable, in one zone. The task attempts (the model's
/// __zone_watermark_ok with its current alloc flags), reclaims without progress (should_reclaim_retry's count),
/// takes the variant's own before-OOM decision (<see cref="IDefragFallbackPolicy.BeforeOom"/> on a small booted
/// World with defrag_mode set) and, when that gives up, reaches the OOM killer, whose victim frees pages.
/// Abstractions: one task, order 0, no compaction, no cpuset retry; the OOM victim is another hog.
/// </summary>
public sealed class DefragWorld : IExploreWorld
{
    private readonly World _world;

    public DefragWorld(DefragWorldConfig config, KernelPolicy policy)
    {
        config.Validate();
        Config = config;
        Policy = policy;
        _world = BootWorld(policy);
        StartFlags = GfpRules.GfpToAllocFlags(Gfp.HighUserMovable, 0, defragMode: true);
        Initial = new AllocState(AllocPhase.Attempt, config.StartFree, 0, StartFlags).Pack();
    }

    public DefragWorldConfig Config { get; }

    public KernelPolicy Policy { get; }

    /// <summary>gfp_to_alloc_flags() for the hog's faults with defrag_mode on (ALLOC_NOFRAGMENT set).</summary>
    public AllocFlags StartFlags { get; }

    public ulong Initial { get; }

    public int MaxSuccessors => 1;

    public IReadOnlyList<string> PropertyIds => DefragExploreProperties.Ids;

    public IReadOnlyList<(string Name, long Value)> Sizes =>
        [("pages", Config.Pages), ("min", Config.Min), ("start_free", Config.StartFree), ("oom_frees", Config.OomFrees)];

    public IEnumerable<int> Actions => Enum.GetValues<AllocPhase>().Select(p => (int)p);

    public ExploreProperty Property(string id) => DefragExploreProperties.For(id);

    public int Successors(ulong state, Span<Step> into)
    {
        var s = AllocState.Unpack(state);
        into[0] = new Step((int)s.Phase, Apply(s).Pack());
        return 1;
    }

    public string ActionName(int action) => (AllocPhase)action switch
    {
        AllocPhase.Attempt => "attempt",
        AllocPhase.Reclaim => "direct-reclaim",
        AllocPhase.BeforeOom => "before-oom",
        AllocPhase.Oom => "oom-kill",
        _ => "next-fault",
    };

    public string Describe(ulong state)
    {
        var s = AllocState.Unpack(state);
        var nofrag = (s.Flags & AllocFlags.NoFragment) != 0 ? "set" : "clear";
        return $"at={ActionName((int)s.Phase)} free={s.Free} no_progress={s.NoProgress} nofragment={nofrag} flags=0x{(uint)s.Flags:x}";
    }

    /// <summary>The one step the task takes from its phase.</summary>
    public AllocState Apply(AllocState s) => s.Phase switch
    {
        AllocPhase.Attempt => WatermarkOk(s)
            ? s with { Phase = AllocPhase.GotPage, Free = s.Free - 1 }
            : s with { Phase = AllocPhase.Reclaim },

        // nothing reclaimable: no progress; mirrors should_reclaim_retry(), mm/page_alloc.c, v7.2 (the count saturates one past the limit)
        AllocPhase.Reclaim => s.NoProgress + 1 > KswapdFunctions.MaxReclaimRetries
            ? s with { Phase = AllocPhase.BeforeOom, NoProgress = KswapdFunctions.MaxReclaimRetries + 1 }
            : s with { Phase = AllocPhase.Attempt, NoProgress = s.NoProgress + 1 },
        AllocPhase.BeforeOom => Policy.DefragFallback.BeforeOom(_world, s.Flags) is { } retry
            ? s with { Phase = AllocPhase.Attempt, Flags = retry }
            : s with { Phase = AllocPhase.Oom },

        // mirrors __alloc_pages_slowpath()'s OOM progress, v7.2: the victim's pages are freed, no_progress_loops = 0, retry
        AllocPhase.Oom => s with { Phase = AllocPhase.Attempt, Free = Math.Min(s.Free + Config.OomFrees, Config.Pages), NoProgress = 0 },
        _ => s with { Phase = AllocPhase.Attempt, NoProgress = 0, Flags = StartFlags },
    };

    private bool WatermarkOk(AllocState s) =>
        WatermarkCheck.WatermarkOk(NoFreeAreas.Instance, 0, Config.Min, 0, s.Flags, s.Free, 0, 0);

    /// <summary>BeforeOom reads only vm.defrag_mode: a one-zone World booted once with it set (the scenario's sysctl).</summary>
    private static World BootWorld(KernelPolicy policy)
    {
        var spec = new MachineSpec([new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Normal, 0, 4096)])]);
        var machine = Machine.Boot(spec, new VmSysctls { DefragMode = true, PerCpuPages = false }, BuddyGeometry.X86_64);
        return new World(machine, policy);
    }
}
