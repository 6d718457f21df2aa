using MmVerify.Engine.Explore;
using MmVerify.Model.Gfp;
using MmVerify.Model.Sim;
using MmVerify.Model.Variants;

namespace MmVerify.Specs.Explore;

/// <summary>
/// The explicit-state world of S4 (atomic-burst-autotune): the seed-002 patches' failure hook, debounce,
/// raise, cap and decay as a timed world in whole seconds. Order-0 GFP_ATOMIC or GFP_NOWAIT allocations may
/// fail at any moment (the bursts and the control phase); a second may pass. The step calls the patches' own
/// functions (AutotuneBase.Triggers, AutotuneV1.NextMinFreeKbytes, AutotuneV2.RaisedMinFreeKbytes,
/// DecayedMinFreeKbytes, DebounceAllows on kernel jiffies), chosen by the variant's IReserveTuningPolicy.
/// Abstractions: no memory (a failure is an input, not a consequence of free pages), v3's boost and kswapd
/// wakeup are only its tuning action here, time in whole seconds.
/// </summary>
public sealed class TuneWorld : IExploreWorld
{
    private const long DecayIntervalSeconds = 300;

    private readonly IReserveTuningPolicy _tuning;

    public TuneWorld(TuneWorldConfig config, KernelPolicy policy)
    {
        config.Validate();
        Config = config;
        Policy = policy;
        _tuning = policy.ReserveTuning;
        Initial = new TuneState(config.InitialMinFreeKbytes, TuneState.Never, (int)DecayIntervalSeconds, false).Pack();
    }

    public TuneWorldConfig Config { get; }

    public KernelPolicy Policy { get; }

    public ulong Initial { get; }

    public int MaxSuccessors => 3;

    public IReadOnlyList<string> PropertyIds => TuneExploreProperties.Ids;

    public IReadOnlyList<(string Name, long Value)> Sizes =>
        [("total_ram_pages", Config.TotalRamPages), ("initial_min_free_kbytes", Config.InitialMinFreeKbytes), ("hz", Config.Hz), ("uptime_s", Config.UptimeSeconds)];

    public IEnumerable<int> Actions => Enum.GetValues<TuneAction>().Select(a => (int)a);

    /// <summary>The cap tune.cap allows: max(the boot value, 1% of RAM in kB).</summary>
    public long Cap => Math.Max(Config.InitialMinFreeKbytes, (Config.TotalRamPages << 2) / 100);

    public ExploreProperty Property(string id) => TuneExploreProperties.For(id, this);

    public int Successors(ulong state, Span<Step> into)
    {
        var s = TuneState.Unpack(state);
        var k = 0;
        foreach (var a in Enum.GetValues<TuneAction>())
        {
            var next = Apply(s, a).Pack();
            if (next != state)
            {
                into[k++] = new Step((int)a, next);
            }
        }

        return k;
    }

    public string ActionName(int action) => (TuneAction)action switch
    {
        TuneAction.AtomicFailure => "gfp-atomic-failure",
        TuneAction.NowaitFailure => "gfp-nowait-failure",
        _ => "tick-1s",
    };

    public string Describe(ulong state)
    {
        var s = TuneState.Unpack(state);
        var since = s.SinceTune switch { TuneState.Never => "never", TuneState.LongAgo => ">10s", _ => $"{s.SinceTune}s" };
        return $"min_free_kbytes={s.MinFreeKbytes} last_tune={since} since_change={s.SinceChange}s{(s.Tuned ? " (tuned)" : "")}";
    }

    public TuneState Apply(TuneState s, TuneAction a) => a switch
    {
        TuneAction.AtomicFailure => Failure(s, Gfp.Atomic),
        TuneAction.NowaitFailure => Failure(s, Gfp.NoWait),
        _ => Tick(s),
    };

    // mirrors the patches' hook in __alloc_pages_slowpath()'s failure path (seed 002): "(gfp & GFP_ATOMIC) && order == 0",
    // then v1's doubling (no debounce), or v2's +50% / v3's boost behind the 10 s debounce on jiffies
    private TuneState Failure(TuneState s, GfpFlags gfp)
    {
        var quiet = s with { Tuned = false };
        if (!AutotuneBase.Triggers(gfp, 0))
        {
            return quiet;
        }

        switch (_tuning)
        {
            case AutotuneV1:
                return Raised(quiet, AutotuneV1.NextMinFreeKbytes(checked((int)s.MinFreeKbytes), (ulong)Config.TotalRamPages)) with { Tuned = true, SinceTune = 0 };
            case AutotuneV2 when Debounced(s):
                return Raised(quiet, AutotuneV2.RaisedMinFreeKbytes(s.MinFreeKbytes, Config.TotalRamPages << 2)) with { Tuned = true, SinceTune = 0 };
            case AutotuneV3 when Debounced(s):
                return quiet with { Tuned = true, SinceTune = 0 };
            default:
                return quiet;
        }
    }

    // mirrors v2's decay work (seed 002 cover letter): every 5 minutes since the last change, -5% down to 1.2x the boot value
    private TuneState Tick(TuneState s)
    {
        var after = s with
        {
            Tuned = false,
            SinceTune = s.SinceTune >= TuneState.LongAgo ? s.SinceTune : s.SinceTune + 1,
            SinceChange = (int)Math.Min(s.SinceChange + 1, DecayIntervalSeconds),
        };
        return _tuning is AutotuneV2 && after.SinceChange >= DecayIntervalSeconds
            ? Lowered(after, AutotuneV2.DecayedMinFreeKbytes(s.MinFreeKbytes, Config.InitialMinFreeKbytes))
            : after;
    }

    // as the patches write it: a raise is applied only when it raises (a cap below the boot value changes nothing)
    private static TuneState Raised(TuneState s, long minFree) => minFree > s.MinFreeKbytes ? s with { MinFreeKbytes = minFree, SinceChange = 0 } : s;

    // v2's decay is applied only when it lowers (its floor above the current value changes nothing)
    private static TuneState Lowered(TuneState s, long minFree) => minFree < s.MinFreeKbytes ? s with { MinFreeKbytes = minFree, SinceChange = 0 } : s;

    // time_after(jiffies, last + 10 s) with the static last starting at 0 (never tuned) as the patches have it
    private bool Debounced(TuneState s)
    {
        var now = unchecked(SimClock.InitialJiffies(Config.Hz) + (ulong)(Config.UptimeSeconds * Config.Hz));
        var last = s.SinceTune == TuneState.Never ? 0UL : unchecked(now - (ulong)(s.SinceTune * Config.Hz));
        return AutotuneV2.DebounceAllows(now, last, Config.Hz);
    }
}
