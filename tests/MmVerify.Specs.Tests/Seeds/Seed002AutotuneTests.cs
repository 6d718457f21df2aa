using MmVerify.Model.Trace;

namespace MmVerify.Specs.Tests.Seeds;

/// <summary>
/// Seed 002 (SCENARIOS.md C, S4): GFP_ATOMIC bursts at 10, 20, 25 and 40 s on two 4 GB nodes, then quiet.
/// The default min_free_kbytes there is 45056 kB; 1% of RAM is 83886 kB.
/// </summary>
public class Seed002AutotuneTests
{
    private const string Scenario = "atomic-burst-autotune";
    private const long Initial = 45056;
    private const long OnePercent = 83886;

    [Fact]
    public void V1_doubles_min_free_kbytes_up_to_the_one_percent_cap_and_never_lowers_it()
    {
        var run = SeedRun.Of(Scenario, "linux-7.2+autotune-v1", 120);
        var values = run.Samples.Select(s => s.MinFreeKbytes).ToArray();

        Assert.Equal(Initial, values[0]);
        Assert.Equal(OnePercent, values[^1]);
        Assert.True(values.Zip(values.Skip(1)).All(p => p.Second >= p.First), "min_free_kbytes went down");
    }

    [Fact]
    public void V2_raises_by_half_then_decays_five_percent_every_five_minutes_towards_one_point_two_times()
    {
        var run = SeedRun.Of(Scenario, "linux-7.2+autotune-v2", 1800);
        var events = run.Events<AutotuneEvent>().ToArray();
        var raises = events.Where(e => e.Action == "min_free_kbytes_raise").ToArray();
        var decays = events.Where(e => e.Action == "min_free_kbytes_decay").ToArray();

        Assert.Equal(Initial * 3 / 2, raises[0].MinFreeKbytes);
        Assert.True(raises.Zip(raises.Skip(1)).All(p => p.Second.TimeNs - p.First.TimeNs >= 10_000_000_000), "raises closer than 10 s");
        Assert.True(decays.Length >= 4, $"{decays.Length} decays");
        var previous = raises[^1].MinFreeKbytes;
        foreach (var d in decays)
        {
            Assert.Equal(Math.Max(previous * 95 / 100, Initial * 12 / 10), d.MinFreeKbytes);
            previous = d.MinFreeKbytes;
        }

        Assert.True(run.Samples[^1].MinFreeKbytes >= Initial * 12 / 10);
        Assert.True(run.Samples[^1].MinFreeKbytes < raises[^1].MinFreeKbytes);
    }

    [Fact]
    public void V3_boosts_at_most_once_per_ten_seconds_and_the_boost_decays_as_kswapd_runs()
    {
        var run = SeedRun.Of(Scenario, "linux-7.2+autotune-v3", 80);
        var boosts = run.Events<AutotuneEvent>().Where(e => e.Action == "boost").ToArray();
        var rounds = boosts.Select(b => b.TimeNs).Distinct().ToArray();

        Assert.NotEmpty(boosts);
        Assert.True(rounds.Zip(rounds.Skip(1)).All(p => p.Second - p.First >= 10_000_000_000), "boost rounds closer than 10 s");
        Assert.All(run.Samples, s => Assert.Equal(Initial, s.MinFreeKbytes));
        Assert.All(run.Samples.Where(s => s.T >= (rounds[^1] / 1e9) + 30), s => Assert.All(s.WatermarkBoost.Values, b => Assert.Equal(0, b)));
    }
}
