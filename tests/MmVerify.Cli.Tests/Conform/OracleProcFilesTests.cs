using MmVerify.ProcFs;

namespace MmVerify.Cli.Tests.Conform;

/// <summary>
/// The /proc files captured around each real trace (Fixtures/oracle-traces/*/{zoneinfo,buddyinfo,vmstat}-{before,after})
/// parse, and the kernel's own counters agree with the kswapd loop the checker assumes (KERNEL.md 5.4-5.6).
/// </summary>
public sealed class OracleProcFilesTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "oracle-traces");

    public static TheoryData<string> Captures() => OracleTraceTests.Captures();

    [Theory]
    [MemberData(nameof(Captures))]
    public void Zoneinfo_buddyinfo_and_vmstat_parse_before_and_after(string capture)
    {
        foreach (var when in new[] { "before", "after" })
        {
            var zoneinfo = ZoneinfoParser.Parse(Read(capture, $"zoneinfo-{when}"), when);
            var buddyinfo = BuddyinfoParser.Parse(Read(capture, $"buddyinfo-{when}"), when);
            var vmstat = Vmstat(capture, when);
            Assert.NotEmpty(zoneinfo.Zones);
            // Every populated zone of zoneinfo has its buddyinfo row, and NR_PAGE_ORDERS is 11 on x86-64.
            Assert.Equal(11, buddyinfo.NrPageOrders);
            Assert.Equal(zoneinfo.Zones.Count(z => z.Present > 0), buddyinfo.Rows.Count);
            Assert.True(vmstat["nr_free_pages"] > 0);
        }
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Each_kswapd_wake_is_one_balance_pgdat_run(string capture)
    {
        // mirrors kswapd(), mm/vmscan.c, v7.2: kswapd_wake is traced right before balance_pgdat, which counts PAGEOUTRUN once
        var runs = Vmstat(capture, "after")["pageoutrun"] - Vmstat(capture, "before")["pageoutrun"];
        Assert.Equal(Count(capture, "mm_vmscan_kswapd_wake:"), runs);
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Each_try_to_sleep_either_sleeps_or_counts_a_wmark_hit_quickly(string capture)
    {
        // mirrors kswapd_try_to_sleep(), mm/vmscan.c, v7.2: every attempt that does not reach the full sleep (traced
        // as kswapd_sleep) counts kswapd_low_wmark_hit_quickly or _high_. Every kswapd_wake ends one attempt; kswapd
        // was asleep when tracing started, and the last attempt may end asleep without a wake after it.
        var before = Vmstat(capture, "before");
        var after = Vmstat(capture, "after");
        var quick = after["kswapd_low_wmark_hit_quickly"] + after["kswapd_high_wmark_hit_quickly"]
            - before["kswapd_low_wmark_hit_quickly"] - before["kswapd_high_wmark_hit_quickly"];
        var kswapd = Lines(capture).Where(l => l.Contains("mm_vmscan_kswapd_", StringComparison.Ordinal)).ToList();
        var endsAsleep = kswapd.Count == 0 || kswapd[^1].Contains("mm_vmscan_kswapd_sleep:", StringComparison.Ordinal);
        if (kswapd.Count > 0)
        {
            Assert.Contains("mm_vmscan_kswapd_wake:", kswapd[0], StringComparison.Ordinal);
        }

        Assert.Equal(Count(capture, "mm_vmscan_kswapd_wake:") + (endsAsleep ? 1 : 0), quick + Count(capture, "mm_vmscan_kswapd_sleep:") + 1);
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Without_swap_kswapd_gives_up_after_sixteen_runs_that_reclaim_nothing(string capture)
    {
        if (!capture.Contains("oom-noswap", StringComparison.Ordinal))
        {
            return;
        }

        // MAX_RECLAIM_RETRIES failed runs make the node hopeless; 6.x has no failure tracepoint, but its counters show it.
        var after = Vmstat(capture, "after");
        Assert.Equal(16, after["pageoutrun"]);
        Assert.Equal(0, after["pgsteal_kswapd"]);
        Assert.Equal(1, after["oom_kill"]);
        Assert.Equal(16, Count(capture, "mm_vmscan_kswapd_wake:"));
        Assert.Equal(1, Count(capture, "mark_victim:"));
    }

    [Fact]
    public void A_vmstat_line_without_a_value_is_refused_with_its_number()
    {
        var e = Assert.Throws<ProcFormatException>(() => VmstatParser.Parse("nr_free_pages 12\npageoutrun\n", "v"));
        Assert.Equal(2, e.Line);
        Assert.Throws<ProcFormatException>(() => VmstatParser.Parse("pageoutrun 1\npageoutrun 2\n", "v"));
        Assert.Throws<ProcFormatException>(() => VmstatParser.Parse("pageoutrun -1\n", "v"));
    }

    private static string Read(string capture, string file) => File.ReadAllText(Path.Combine(Root, capture, file));

    private static string[] Lines(string capture) => File.ReadAllLines(Path.Combine(Root, capture, "trace"));

    private static long Count(string capture, string text) => Lines(capture).Count(l => l.Contains(text, StringComparison.Ordinal));

    private static Dictionary<string, long> Vmstat(string capture, string when) =>
        VmstatParser.Parse(Read(capture, $"vmstat-{when}"), when).ToDictionary(StringComparer.Ordinal);
}
