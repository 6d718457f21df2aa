using MmVerify.Engine.Properties;

namespace MmVerify.Model.Tests.Litmus;

/// <summary>
/// Litmus runs: each seed's mechanism in a few simulated seconds (Litmus/*.json), each row stating the
/// verdict every property the file names must get, as the kernel memory model's litmus tests state
/// theirs. One run per row is compared window by window with its reference (Litmus/reference/), so a
/// changed model fails at its first divergent 100 ms, and then judged by the gate's own code (every invariant
/// must hold), so these rows are what kills mutants of the model in the
/// mutation run (mutation/README.md) while staying fast: the slowest row is well under a second.
/// </summary>
public sealed class LitmusTests
{
    // Cheapest first (they run in this order, see Support/CheapFirst.cs): the order-3 storm rows are the slowest.
    public static TheoryData<string, string, string> Rows => new()
    {
        // seed 001: the failure counter reset by direct reclaim progress
        { "memcg-hopeless", "linux-6.12", "kswapd.hopeless=violated kswapd.reset-when-balanced=violated kswapd.revives=holds" },
        { "memcg-hopeless", "linux-7.2", "kswapd.hopeless=holds kswapd.reset-when-balanced=holds kswapd.revives=holds" },
        // seed 004: defrag_mode as posted never reaches the OOM killer; the assist patches do
        { "oom-defrag", "linux-7.2", "alloc.terminates=holds" },
        { "oom-defrag", "linux-7.2+defrag-mode", "alloc.terminates=violated" },
        { "oom-defrag", "linux-7.2+defrag-mode-kswapd-assist", "alloc.terminates=holds" },
        // seed 004: under defrag_mode the allocator wakes kswapd at pageblock order (patch 4 onwards)
        { "thp-kbuild", "linux-7.2", "defrag.wake-order=holds defrag.no-pollution=holds" },
        { "thp-kbuild", "linux-7.2+defrag-mode", "defrag.wake-order=violated defrag.no-pollution=holds" },
        { "thp-kbuild", "linux-7.2+defrag-mode-kswapd-assist", "defrag.wake-order=holds defrag.no-pollution=holds" },
        // seed 004: before the exit fix, GFP_ATOMIC fails while the min reserve is still there
        { "atomic-net", "linux-7.2", "alloc.admitted-succeeds=holds alloc.atomic-reserve=holds defrag.no-pollution=holds" },
        { "atomic-net", "linux-7.2+defrag-mode-kswapd-assist", "alloc.admitted-succeeds=violated alloc.atomic-reserve=violated defrag.no-pollution=holds" },
        // seed 003: three zones, lowmem_reserve, no mobility grouping, no compaction
        { "i386-2004", "linux-7.2", "kswapd.sleeps=holds kswapd.no-futile-reclaim=holds kswapd.handoff=holds" },
        { "i386-2004", "linux-7.2+order-aware-kswapd", "kswapd.sleeps=holds kswapd.no-futile-reclaim=holds kswapd.handoff=holds" },
        // seed 002: v1 tunes on every failure, v3's boost outlives its window
        { "atomic-autotune", "linux-7.2", "tune.debounce=holds boost.decays=holds tune.trigger=holds tune.cap=holds" },
        { "atomic-autotune", "linux-7.2+autotune-v1", "tune.debounce=violated boost.decays=holds tune.trigger=holds tune.cap=holds" },
        { "atomic-autotune", "linux-7.2+autotune-v2", "tune.debounce=holds boost.decays=holds tune.trigger=holds tune.cap=holds" },
        { "atomic-autotune", "linux-7.2+autotune-v3", "tune.debounce=holds boost.decays=violated tune.trigger=holds tune.cap=holds" },
        // seed 000: too short for the spin itself (kswapd.sleeps needs seconds of storm); exercises order-3
        // wakeups, fallback steals, boosts and the order drop. A boost raised at the end is not judged.
        { "frag-storm", "linux-7.2", "kswapd.sleeps=holds boost.decays=holds" },
        { "frag-storm", "linux-6.12", "kswapd.sleeps=holds boost.decays=holds" },
        { "frag-storm", "linux-7.2+net-frag-nowake", "kswapd.sleeps=holds boost.decays=unknown" },
        { "frag-storm", "linux-7.2+net-opportunistic-nowake", "kswapd.sleeps=holds boost.decays=unknown" },
        { "frag-storm", "linux-7.2+order-aware-kswapd", "kswapd.sleeps=holds boost.decays=holds" },
    };

    /// <summary>The position of a row in Rows (test order: see Support/CheapFirst.cs); -1 for other arguments.</summary>
    public static int RowIndex(object?[] arguments)
    {
        var index = 0;
        foreach (var row in Rows)
        {
            if (row.SequenceEqual(arguments))
            {
                return index;
            }

            index++;
        }

        return -1;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Run_matches_its_reference_and_gets_its_stated_verdicts(string litmus, string variant, string expected)
    {
        var (run, verdicts) = LitmusRun.Judge(litmus, variant);

        Assert.Empty(run.InvariantViolations);
        var stated = expected.Split(' ').Select(s => s.Split('=')).ToDictionary(kv => kv[0], kv => Enum.Parse<Verdict>(kv[1], ignoreCase: true));
        Assert.Equal(stated.Keys.Order(), verdicts.Keys.Order());
        foreach (var (property, verdict) in stated)
        {
            Assert.True(verdict == verdicts[property].Verdict, $"{litmus} on {variant}: {property} {verdicts[property].Verdict}, stated {verdict}: {verdicts[property].Reason}");
        }
    }
}
