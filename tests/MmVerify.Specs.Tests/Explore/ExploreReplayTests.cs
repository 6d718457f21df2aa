using MmVerify.Engine.Explore;
using MmVerify.Specs.Explore;

namespace MmVerify.Specs.Tests.Explore;

public sealed class ExploreReplayTests
{
    private static string Write(string variant, string property, Func<ExploreCounterexample, ExploreCounterexample>? edit = null)
    {
        var world = ExploreSession.World(ExploreSession.Scenario, variant);
        var r = ExploreSession.Run(world, [property], new ExploreOptions()).Results.Single();
        var cex = ExploreCounterexample.Of(ExploreSession.Scenario, world, property, r.Counterexample!);
        cex = edit?.Invoke(cex) ?? cex;
        var path = Path.Combine(Path.GetTempPath(), $"explore-cex-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, cex.ToJson());
        return path;
    }

    [Theory]
    [InlineData("kswapd.sleeps")]
    [InlineData("kswapd.hopeless")]
    [InlineData("kswapd.reset-when-balanced")]
    public void A_written_counterexample_reproduces(string property)
    {
        var replay = ExploreReplayer.Replay(ExploreCounterexample.Read(Write("linux-6.12", property)));
        Assert.True(replay.Reproduced, replay.Reason);
    }

    [Fact]
    public void The_livelock_does_not_reproduce_on_the_fix()
    {
        var replay = ExploreReplayer.Replay(ExploreCounterexample.Read(Write("linux-6.12", "kswapd.reset-when-balanced", c => c with { Variant = "linux-7.2" })));
        Assert.False(replay.Reproduced);
    }

    [Fact]
    public void A_counterexample_round_trips_to_the_same_bytes()
    {
        var path = Write("linux-6.12", "kswapd.sleeps");
        var text = File.ReadAllText(path);
        var read = ExploreCounterexample.Parse(text, path);
        Assert.Equal(text, read.ToJson());
        Assert.Equal("linux-6.12", read.Variant);
        Assert.True(read.IsLasso);
        Assert.Equal(read.Actions.Count + 1, read.States.Count);
        Assert.StartsWith("fair cycle of", read.Reason, StringComparison.Ordinal);
        Assert.Contains("\"engine\": \"explore\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_simulation_reader_refuses_an_explore_file_with_a_pointer_to_replay()
    {
        var text = File.ReadAllText(Write("linux-6.12", "kswapd.hopeless"));
        Assert.True(MmVerify.Specs.Counterexamples.CounterexampleReader.IsExplore(text));
        var e = Assert.Throws<MmVerify.Specs.Counterexamples.CounterexampleException>(() => MmVerify.Specs.Counterexamples.CounterexampleReader.Parse(text, "f.json"));
        Assert.Contains("mmverify replay", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_another_kind_is_bad_input()
    {
        var path = Path.Combine(Path.GetTempPath(), $"explore-cex-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"schema\": \"something-else\"}");
        Assert.Throws<ExploreInputException>(() => ExploreCounterexample.Read(path));
    }
}
