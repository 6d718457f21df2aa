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

    public static TheoryData<string> OneCpuCaptures() => Where(c => !c.Contains("-smp", StringComparison.Ordinal));

    public static TheoryData<string> NoSwapCaptures() => Where(c => c.Contains("oom-noswap", StringComparison.Ordinal));

    private static TheoryData<string> Where(Func<string, bool> keep)
    {
        var data = new TheoryData<string>();
        foreach (var capture in OracleTraceTests.CaptureNames().Where(keep))
        {
            data.Add(capture);
        }

        return data;
    }

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
    [MemberData(nameof(NoSwapCaptures))]
    public void Without_swap_kswapd_gives_up_after_sixteen_runs_that_reclaim_nothing(string capture)
    {
        // MAX_RECLAIM_RETRIES failed runs make the node hopeless; 6.x has no failure tracepoint, but its counters show it.
        var after = Vmstat(capture, "after");
        Assert.Equal(16, after["pageoutrun"]);
        Assert.Equal(0, after["pgsteal_kswapd"]);
        Assert.Equal(1, after["oom_kill"]);
        Assert.Equal(16, Count(capture, "mm_vmscan_kswapd_wake:"));
        Assert.Equal(1, Count(capture, "mark_victim:"));
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Pagetypeinfo_parses_and_its_blocks_cover_each_zone(string capture)
    {
        foreach (var when in new[] { "before", "after" })
        {
            var info = PagetypeinfoParser.Parse(Read(capture, $"pagetypeinfo-{when}"), when);
            Assert.Equal(9, info.PageblockOrder);
            Assert.Equal(512, info.PagesPerBlock);
            var zones = ZoneinfoParser.Parse(Read(capture, $"zoneinfo-{when}"), when).Zones.Where(z => z.Present > 0).ToList();
            Assert.Equal(zones.Count, info.Blocks.Count);
            foreach (var zone in zones)
            {
                // pagetypeinfo_showblockcount() walks the zone span a pageblock at a time.
                var row = info.Blocks.Single(b => b.Node == zone.Node && b.Zone == zone.Name);
                var blocks = row.Blocks.Values.Sum();
                Assert.InRange(zone.Spanned, ((blocks - 1) * 512) + 1, blocks * 512);
            }
        }
    }

    [Theory]
    [MemberData(nameof(OneCpuCaptures))]
    public void On_one_cpu_pagetypeinfo_free_lists_add_up_to_buddyinfo(string capture)
    {
        // /init reads buddyinfo and then pagetypeinfo; with one CPU and the workload over nothing frees or allocates
        // in between. With two CPUs the other one can (6.12.107-oom-noswap-smp2's after-snapshot differs in DMA32).
        foreach (var when in new[] { "before", "after" })
        {
            var buddy = BuddyinfoParser.Parse(Read(capture, $"buddyinfo-{when}"), when);
            var types = PagetypeinfoParser.Parse(Read(capture, $"pagetypeinfo-{when}"), when);
            foreach (var row in buddy.Rows)
            {
                var lists = types.Free.Where(f => f.Node == row.Node && f.Zone == row.Name).ToList();
                Assert.NotEmpty(lists);
                var sum = Enumerable.Range(0, row.FreeBlocks.Count).Select(order => lists.Sum(l => l.Counts[order]));
                Assert.Equal(row.FreeBlocks, sum);
            }
        }
    }

    [Fact]
    public void A_pagetypeinfo_line_with_too_few_orders_is_refused_with_its_number()
    {
        var text = "Page block order: 9\nPages per block:  512\n\nFree pages count per migrate type at order       0      1 \n"
            + "Node    0, zone      DMA, type    Unmovable      0 \n";
        var e = Assert.Throws<ProcFormatException>(() => PagetypeinfoParser.Parse(text, "p"));
        Assert.Equal(5, e.Line);
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
