using System.Globalization;
using System.Text;
using MmVerify.Model.Sim;
using MmVerify.ProcFs;

namespace MmVerify.Cli.Replay;

/// <summary>The kernel-visible state at one step of a replay, captured while the simulation runs.</summary>
internal sealed record ReplayState(long Step, long TimeNs, string Buddyinfo, IReadOnlyList<ZoneLine> Zones, IReadOnlyList<int> KswapdFailures, IReadOnlyList<string> KswapdPhases, IReadOnlyList<KeyValuePair<string, long>> Counters)
{
    /// <summary>The vmstat counters a reader of a kswapd or allocation counterexample looks at first.</summary>
    private static readonly string[] Shown =
        ["pgscan_kswapd", "pgsteal_kswapd", "pgscan_direct", "pgsteal_direct", "allocstall_normal", "allocstall_movable", "compact_stall", "compact_fail", "kswapd_low_wmark_hit_quickly", "kswapd_high_wmark_hit_quickly", "pageoutrun"];

    public static ReplayState Capture(Simulation simulation)
    {
        var world = simulation.World;
        var zones = world.Nodes.SelectMany(n => n.Zones.Where(z => z.IsPopulated).Select(z => new ZoneLine(
            $"Node {n.NodeId}, zone {z.Name,8}", z.NrFreePages, z.MinWmarkPages, z.LowWmarkPages, z.HighWmarkPages, z.WatermarkBoost))).ToArray();
        return new ReplayState(
            simulation.Steps,
            world.NowNs,
            BuddyinfoRenderer.Render(world.Machine),
            zones,
            world.Reclaim.Select(r => r.KswapdFailures).ToArray(),
            world.Reclaim.Select(r => r.Phase.ToString()).ToArray(),
            world.Vm.All().Where(c => Shown.Contains(c.Key)).ToArray());
    }

    public double Seconds => TimeNs / 1e9;

    public void AppendText(StringBuilder sb)
    {
        sb.Append(Buddyinfo);
        foreach (var z in Zones)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{z.Label} free {z.Free} min {z.Min} low {z.Low} high {z.High} boost {z.Boost}").AppendLine();
        }

        for (var n = 0; n < KswapdFailures.Count; n++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"kswapd{n} {KswapdPhases[n]} kswapd_failures {KswapdFailures[n]}").AppendLine();
        }

        sb.AppendLine(string.Join(' ', Counters.Select(c => $"{c.Key} {c.Value.ToString(CultureInfo.InvariantCulture)}")));
    }
}

/// <summary>One zone's free pages against its watermarks (wmark_pages() without the boost, and the boost).</summary>
internal sealed record ZoneLine(string Label, long Free, long Min, long Low, long High, long Boost);
