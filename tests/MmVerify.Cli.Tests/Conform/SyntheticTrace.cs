using System.Globalization;
using System.Text;

namespace MmVerify.Cli.Tests.Conform;

/// <summary>
/// A small linux-7.2 kswapd story in the kernel's trace format, written line by line so tests can tamper
/// with single lines: kswapd0 fails 16 runs and sleeps hopeless, memcg reclaim at balance clears the count
/// (DIRECT), and kswapd0 is woken again and reclaims. Lines are 1-based like the checker's.
/// </summary>
internal static class SyntheticTrace
{
    public static List<string> Lines()
    {
        var lines = new List<string> { "# tracer: nop", "#" };
        var t = 1_000_000L;
        string At(string comm, string eventText)
        {
            t += 10;
            var stamp = (t / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." + (t % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            return $"{comm,16} [000] .....  {stamp}: {eventText}";
        }

        lines.Add(At("hog-1000", "mm_vmscan_wakeup_kswapd: nid=0 order=0 gfp_flags=GFP_HIGHUSER_MOVABLE"));
        for (var failures = 1; failures <= 16; failures++)
        {
            lines.Add(At("kswapd0-70", "mm_vmscan_kswapd_wake: nid=0 order=0"));
            lines.Add(At("kswapd0-70", "mm_vmscan_balance_pgdat_begin: nid=0 order=0 highest_zoneidx=Normal  "));
            lines.Add(At("kswapd0-70", $"mm_vmscan_kswapd_reclaim_fail: nid=0 failures={failures}"));
            lines.Add(At("kswapd0-70", "mm_vmscan_balance_pgdat_end: nid=0 order=0 highest_zoneidx=Normal   nr_reclaimed=0"));
        }

        lines.Add(At("kswapd0-70", "mm_vmscan_kswapd_sleep: nid=0"));
        lines.Add(At("hog-1000", "mm_vmscan_memcg_reclaim_begin: order=0 gfp_flags=GFP_KERNEL pid=1000 memcg_id=2 "));
        lines.Add(At("hog-1000", "mm_vmscan_kswapd_clear_hopeless: nid=0 reason=DIRECT"));
        lines.Add(At("hog-1000", "mm_vmscan_memcg_reclaim_end: nr_reclaimed=32 pid=1000 memcg_id=2 "));
        lines.Add(At("hog-1000", "mm_vmscan_wakeup_kswapd: nid=0 order=0 gfp_flags=GFP_HIGHUSER_MOVABLE"));
        lines.Add(At("kswapd0-70", "mm_vmscan_kswapd_wake: nid=0 order=0"));
        lines.Add(At("kswapd0-70", "mm_vmscan_balance_pgdat_begin: nid=0 order=0 highest_zoneidx=Normal  "));
        lines.Add(At("kswapd0-70", "mm_vmscan_kswapd_reclaim_fail: nid=0 failures=1"));
        lines.Add(At("kswapd0-70", "mm_vmscan_balance_pgdat_end: nid=0 order=0 highest_zoneidx=Normal   nr_reclaimed=0"));
        lines.Add(At("kswapd0-70", "mm_vmscan_kswapd_wake: nid=0 order=0"));
        lines.Add(At("kswapd0-70", "mm_vmscan_balance_pgdat_begin: nid=0 order=0 highest_zoneidx=Normal  "));
        lines.Add(At("kswapd0-70", "mm_vmscan_kswapd_clear_hopeless: nid=0 reason=KSWAPD"));
        lines.Add(At("kswapd0-70", "mm_vmscan_balance_pgdat_end: nid=0 order=0 highest_zoneidx=Normal   nr_reclaimed=64"));
        lines.Add(At("kswapd0-70", "mm_vmscan_kswapd_sleep: nid=0"));
        return lines;
    }

    /// <summary>The 1-based number of the first line containing the text.</summary>
    public static int Find(List<string> lines, string text, int after = 0) =>
        lines.FindIndex(after, l => l.Contains(text, StringComparison.Ordinal)) + 1;

    public static string Text(List<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }
}
