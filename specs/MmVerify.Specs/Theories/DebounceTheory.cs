using MmVerify.Engine.Smt;
using MmVerify.Model.Sim;
using MmVerify.Model.Variants;
using MmVerify.Specs.Theories.Encodings;

namespace MmVerify.Specs.Theories;

/// <summary>
/// debounce: the 10 s debounce of seed-002 v2/v3 (time_after(jiffies, last + msecs_to_jiffies(10000)), last a
/// static starting at 0) under jiffies wrap-around, on 32-bit and 64-bit unsigned long, with INITIAL_JIFFIES.
/// </summary>
public sealed class DebounceTheory : ITheory
{
    /// <summary>Up to 2^40 jiffies (34 years at HZ=1000) of uptime or quiet time.</summary>
    public const ulong MaxSpan = 1UL << 40;

    public string Name => "debounce";

    public string Summary => "the seed-002 10 s debounce under jiffies wrap-around on 32- and 64-bit, from INITIAL_JIFFIES";

    /// <summary>v2 and v3 share the debounce; the queries are recorded against v3, the last version.</summary>
    public IReadOnlyList<TheoryQuery> Queries { get; } =
    [
        .. new[]
        {
            Window(32), Window(64),
            Boot(32, modelInitial: true),
            Boot(64, modelInitial: true),
            Boot(64, modelInitial: false),
            LongQuiet(32),
            LongQuiet(64),
        }.Select(q => q with { Variant = "linux-7.2+autotune-v3" }),
    ];

    private static TheoryQuery Window(int bits) => new("debounce", $"window-{bits}", "tune.debounce",
        $"{bits}-bit: no second trigger within 10 s (10 * HZ jiffies) of the last, for any last value, across the wrap",
        SolverVerdict.Proved,
        "last + W - now stays in 0..W for an elapsed time of 0..W, which is not negative as a signed value.",
        () =>
        {
            var (hz, last) = (T.BvVar("hz", bits), T.BvVar("last_jiffies", bits));
            var elapsed = T.BvVar("elapsed", bits);
            return new SmtQuery($"window-{bits}", "a trigger within 10 s of the previous one",
                [DebounceEncoding.HzDomain(hz), T.ULe(elapsed, T.Mul(hz, T.Bv(10, bits))), DebounceEncoding.Allows(T.Add(last, elapsed), last, hz)], [hz, last, elapsed]);
        },
        o =>
        {
            var hz = (int)o["hz"].AsU64;
            var last = o["last_jiffies"].AsU64;
            var now = unchecked(last + o["elapsed"].AsU64);
            var allows = bits == 32 ? AutotuneV2.DebounceAllows32((uint)now, (uint)last, hz) : AutotuneV2.DebounceAllows(now, last, hz);
            return new ReplayResult(allows, $"model debounce allows a trigger {o["elapsed"]} jiffies after the last: {allows}");
        });

    private static TheoryQuery Boot(int bits, bool modelInitial)
    {
        var name = modelInitial ? $"boot-{bits}" : $"boot-{bits}-uint-initial";
        var initialText = modelInitial ? "INITIAL_JIFFIES = -300 * HZ" : "INITIAL_JIFFIES = (unsigned long)(unsigned int)(-300 * HZ)";
        var expected = modelInitial ? SolverVerdict.Counterexample : SolverVerdict.Proved;
        var statement = $"{bits}-bit, {initialText}: the first atomic failure more than 10 s after boot triggers (last_boost_jiffies is still 0)"
            + (modelInitial ? " (expected to fail: until 310 s after boot, jiffies are 'before' 0 + 10 * HZ and every trigger is suppressed)" : string.Empty);
        var why = modelInitial
            ? "jiffies start 300 * HZ below the wrap; time_after(now, 0 + 10 * HZ) is false until 10 s after the wrap."
            : "Unsure which reading the kernel has on 64-bit (KERNEL.md is silent; the model uses -300 * HZ in 64 bits); with this one jiffies start near 2^32 and never wrap.";
        return new TheoryQuery("debounce", name, "tune.debounce", statement, expected, why,
            () =>
            {
                var hz = T.BvVar("hz", bits);
                var uptime = Bv.Var("uptime_jiffies");
                var initial = modelInitial ? DebounceEncoding.InitialJiffies(hz) : DebounceEncoding.InitialJiffiesViaUInt(hz);
                var now = T.Define("now_jiffies", T.Add(initial, T.Truncate(uptime, bits)));
                return new SmtQuery(name, "a first failure more than 10 s after boot that the debounce suppresses",
                    [DebounceEncoding.HzDomain(hz), Bv.InRange(uptime, 0, MaxSpan), T.UGt(uptime, T.ZeroExt(T.Mul(hz, T.Bv(10, bits)), 64 - bits)),
                     T.Not(DebounceEncoding.Allows(now, T.Bv(0, bits), hz))], [hz, uptime, now]);
            },
            o =>
            {
                var hz = (int)o["hz"].AsU64;
                var uptime = o["uptime_jiffies"].AsU64;
                if (!modelInitial)
                {
                    return ReplayResult.No("the model's clock uses INITIAL_JIFFIES = -300 * HZ in 64 bits, not this reading: not replayable");
                }

                var allows = bits == 32
                    ? AutotuneV2.DebounceAllows32(unchecked(SimClock.InitialJiffies32(hz) + (uint)uptime), 0, hz)
                    : AutotuneV2.DebounceAllows(unchecked(SimClock.InitialJiffies(hz) + uptime), 0, hz);
                return new ReplayResult(!allows, $"model: an atomic failure {uptime} jiffies ({uptime / (ulong)hz} s at HZ={hz}) after boot is {(allows ? "allowed" : "suppressed")} by the debounce");
            });
    }

    private static TheoryQuery LongQuiet(int bits) => new("debounce", $"long-quiet-{bits}", "tune.debounce",
        $"{bits}-bit: a failure more than 10 s (and at most 2^40 jiffies) after the last trigger triggers again"
            + (bits == 32 ? " (expected to fail: after 2^31 jiffies of quiet, 24.9 days at HZ=1000, time_after flips and suppresses for the next 2^31)" : string.Empty),
        bits == 32 ? SolverVerdict.Counterexample : SolverVerdict.Proved,
        bits == 32
            ? "time_after compares within half the counter range; a 32-bit counter wraps within the 2^40 span."
            : "2^40 is far below 2^63: the signed difference never flips.",
        () =>
        {
            var hz = T.BvVar("hz", bits);
            var last = T.BvVar("last_jiffies", bits);
            var quiet = Bv.Var("quiet_jiffies");
            var now = T.Define("now_jiffies", T.Add(last, T.Truncate(quiet, bits)));
            return new SmtQuery($"long-quiet-{bits}", "a failure long after the last trigger that the debounce suppresses",
                [DebounceEncoding.HzDomain(hz), Bv.InRange(quiet, 0, MaxSpan), T.UGt(quiet, T.ZeroExt(T.Mul(hz, T.Bv(10, bits)), 64 - bits)),
                 T.Not(DebounceEncoding.Allows(now, last, hz))], [hz, last, quiet]);
        },
        o =>
        {
            var hz = (int)o["hz"].AsU64;
            var last = o["last_jiffies"].AsU64;
            var quiet = o["quiet_jiffies"].AsU64;
            var allows = bits == 32
                ? AutotuneV2.DebounceAllows32(unchecked((uint)(last + quiet)), (uint)last, hz)
                : AutotuneV2.DebounceAllows(unchecked(last + quiet), last, hz);
            return new ReplayResult(!allows, $"model: a failure {quiet} jiffies ({quiet / (ulong)hz / 86400} days at HZ={hz}) after the last trigger is {(allows ? "allowed" : "suppressed")}");
        });
}
