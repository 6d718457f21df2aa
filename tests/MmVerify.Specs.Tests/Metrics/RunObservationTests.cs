using MmVerify.Specs.Gate;
using MmVerify.Specs.Metrics;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Specs.Tests.Metrics;

/// <summary>What a run records for reports and metrics: kswapd lanes, boost raises, per-zone samples.</summary>
public class RunObservationTests
{
    private static RunRecord Run(string scenario, string variant, double seconds) =>
        ScenarioRunner.Run(ScenarioCatalog.BuiltIn.Find(scenario)!, variant, ScenarioSetup.DefaultSeed, seconds);

    [Fact]
    public void The_kswapd_lane_records_each_change_once_and_its_running_time_follows_the_busy_fraction()
    {
        var run = Run("memcg-high-revives-kswapd", "linux-6.12", 14);

        Assert.Equal([(0L, 0), (0L, 1)], run.KswapdLane.Take(2).Select(c => (c.TimeNs, c.Nid)));
        foreach (var nid in new[] { 0, 1 })
        {
            var mine = run.KswapdLane.Where(c => c.Nid == nid).ToArray();
            Assert.All(mine.Zip(mine.Skip(1)), p => Assert.NotEqual(p.First.State, p.Second.State));
            Assert.All(mine.Zip(mine.Skip(1)), p => Assert.True(p.First.TimeNs <= p.Second.TimeNs));
        }

        // Node 0 runs for most of seconds 11-14 on 6.12 (seed 001); the lane and the CPU-time samples agree on it.
        var running = RunningSeconds(run, 0, 11, 14);
        var busy = run.Samples.Where(s => s.T > 11 && s.T <= 14).Sum(s => s.KswapdBusy[0]);
        Assert.True(busy > 1.5, $"kswapd0 busy {busy:F2} s of 3");
        Assert.InRange(running, busy * 0.8, Math.Min(3, busy * 1.25));
    }

    [Fact]
    public void The_storm_raises_the_boost_and_each_zone_sample_agrees_with_the_node_sample()
    {
        var run = Run("net-order3-frag-storm", "linux-7.2", 3);

        Assert.NotEmpty(run.BoostRaises);
        Assert.All(run.BoostRaises, b => Assert.True(b.Boost > 0));
        Assert.Equal(run.BoostRaises.Count, RunMetrics.Of(run).Single(m => m.Id == "boost-raise").Value);
        foreach (var s in run.Samples)
        {
            Assert.Equal(s.FreePages, s.Zones.Sum(z => z.FreePages));
            Assert.All(s.Zones, z => Assert.True(z.Min <= z.Low && z.Low <= z.High, z.ToString()));
            Assert.All(s.Zones, z => Assert.Equal(s.WatermarkBoost[z.Label], z.Boost));
            Assert.Equal(s.Buddyinfo.Keys, s.Zones.Select(z => z.Label));
        }
    }

    [Fact]
    public void The_metrics_are_the_run_s_counters()
    {
        var run = Run("memcg-high-revives-kswapd", "linux-6.12", 6);
        var metrics = RunMetrics.Of(run).ToDictionary(m => m.Id, m => m.Value);

        Assert.Equal(run.World.Vm[Model.Sim.VmEvent.PgscanKswapd], metrics["pgscan-kswapd"]);
        Assert.Equal(run.Samples.Average(s => s.KswapdBusy[0]), metrics["kswapd0-busy"], 12);
        Assert.Equal(run.Samples.Max(s => s.MinFreeKbytes), metrics["min-free-kbytes-max"]);
        Assert.False(metrics.ContainsKey("thp-success"), "no THP faults in seed 001: the metric is left out, not 0 of 0");
    }

    private static double RunningSeconds(RunRecord run, int nid, double from, double to)
    {
        var mine = run.KswapdLane.Where(c => c.Nid == nid).ToArray();
        var total = 0.0;
        for (var i = 0; i < mine.Length; i++)
        {
            var start = Math.Max(from, mine[i].TimeNs / 1e9);
            var end = Math.Min(to, i + 1 < mine.Length ? mine[i + 1].TimeNs / 1e9 : run.Seconds);
            if (mine[i].State == KswapdLaneState.Running && end > start)
            {
                total += end - start;
            }
        }

        return total;
    }
}
