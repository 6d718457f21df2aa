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
    public void A_file_of_another_kind_is_bad_input()
    {
        var path = Path.Combine(Path.GetTempPath(), $"explore-cex-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"schema\": \"something-else\"}");
        Assert.Throws<ExploreInputException>(() => ExploreCounterexample.Read(path));
    }
}
