using System.Text.Json;

namespace MmVerify.Cli.Tests;

public sealed class ExploreCommandTests
{
    private const string S3 = "memcg-high-revives-kswapd";

    private const string S4 = "defrag-mode-oom-path";

    public static TheoryData<string[]> BadArguments => new()
    {
        new[] { "explore", "--scenario", "no-such-scenario", "--variant", "linux-7.2" },
        new[] { "explore", "--scenario", S3, "--variant", "linux-9.9" },
        new[] { "explore", "--scenario", "defrag-mode-thp-kbuild", "--variant", "linux-7.2", "--property", "kswapd.sleeps" },
        new[] { "explore", "--scenario", S3, "--variant", "linux-7.2", "--property", "tune.cap" },
        new[] { "explore", "--scenario", S4, "--variant", "linux-7.2", "--property", "kswapd.sleeps" },
        new[] { "explore", "--scenario", S3, "--variant", "linux-7.2", "--max-states", "0" },
        new[] { "explore", "--scenario", S3, "--variant", "linux-7.2", "--threads", "x" },
        new[] { "explore", "--variant", "linux-7.2" },
        new[] { "explore", "--replay", "/no/such/file.json" },
        new[] { "check", "--engine", "explore", "--scenario", "defrag-mode-thp-kbuild", "--property", "kswapd.sleeps" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void Bad_input_exits_2_with_one_line(string[] args)
    {
        var r = CliRun.Run(args);
        Assert.Equal(2, r.Exit);
        Assert.Single(r.ErrLines);
        Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_follows_the_contract_and_the_livelock_is_expected()
    {
        var r = CliRun.Run("explore", "--scenario", S3, "--variant", "linux-6.12", "--format", "json");
        Assert.Equal(0, r.Exit);
        var root = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal(S3, root.GetProperty("scenario").GetString());
        Assert.Equal("linux-6.12", root.GetProperty("variant").GetString());
        Assert.True(root.GetProperty("complete").GetBoolean());
        Assert.True(root.GetProperty("states").GetInt64() > 1000);
        Assert.True(root.GetProperty("transitions").GetInt64() > root.GetProperty("states").GetInt64());
        Assert.True(root.GetProperty("states_per_second").GetDouble() > 0);
        Assert.True(root.GetProperty("bytes_per_state").GetDouble() > 0);
        var sleeps = root.GetProperty("results").EnumerateArray().Single(x => x.GetProperty("property").GetString() == "kswapd.sleeps");
        Assert.Equal("violated", sleeps.GetProperty("verdict").GetString());
        Assert.Equal("lasso", sleeps.GetProperty("counterexample").GetProperty("kind").GetString());
        Assert.True(sleeps.GetProperty("counterexample").GetProperty("loop_start").GetInt32() > 0);
    }

    [Fact]
    public void An_incomplete_search_is_inconclusive_not_holds()
    {
        var r = CliRun.Run("explore", "--scenario", S3, "--variant", "linux-7.2", "--property", "kswapd.sleeps", "--max-states", "50", "--format", "json");
        Assert.Equal(3, r.Exit);
        var root = JsonDocument.Parse(r.Out).RootElement;
        Assert.False(root.GetProperty("complete").GetBoolean());
        Assert.Equal("unknown", root.GetProperty("results")[0].GetProperty("verdict").GetString());
    }

    [Fact]
    public void Written_counterexample_replays()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"explore-{Guid.NewGuid():N}");
        var r = CliRun.Run("explore", "--scenario", S3, "--variant", "linux-6.12", "--property", "kswapd.sleeps", "--out", dir);
        Assert.Equal(0, r.Exit);
        var file = Directory.GetFiles(dir).Single();
        var first = CliRun.Run("explore", "--replay", file);
        Assert.Equal(0, first.Exit);
        Assert.StartsWith("reproduced", first.Out, StringComparison.Ordinal);
        Assert.Equal(first.Out, CliRun.Run("explore", "--replay", file).Out);
    }

    [Fact]
    public void Check_engine_explore_meets_the_expectations()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"explore-{Guid.NewGuid():N}");
        var r = CliRun.Run("check", "--engine", "explore", "--format", "json", "--out", dir);
        Assert.Equal(0, r.Exit);
        var results = JsonDocument.Parse(r.Out).RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(48, results.Length);
        Assert.All(results, x => Assert.Equal("explore", x.GetProperty("engine").GetString()));
        Assert.Contains(results, x => x.GetProperty("variant").GetString() == "linux-6.12" && x.GetProperty("property").GetString() == "kswapd.sleeps" && x.GetProperty("verdict").GetString() == "violated");
        Assert.Contains(results, x => x.GetProperty("variant").GetString() == "linux-7.2" && x.GetProperty("property").GetString() == "kswapd.sleeps" && x.GetProperty("verdict").GetString() == "holds");
        Assert.Contains(results, x => x.GetProperty("scenario").GetString() == S4 && x.GetProperty("variant").GetString() == "linux-7.2+defrag-mode" && x.GetProperty("verdict").GetString() == "violated");
        Assert.Contains(results, x => x.GetProperty("scenario").GetString() == S4 && x.GetProperty("variant").GetString() == "linux-7.2" && x.GetProperty("verdict").GetString() == "holds");
    }

    [Fact]
    public void Defrag_mode_retry_loop_is_an_expected_lasso_that_replays()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"explore-{Guid.NewGuid():N}");
        var r = CliRun.Run("explore", "--scenario", S4, "--variant", "linux-7.2+defrag-mode", "--out", dir);
        Assert.Equal(0, r.Exit);
        Assert.Contains("alloc.terminates: violated (expected violated)", r.Out, StringComparison.Ordinal);
        Assert.Contains("cycle starts here", r.Out, StringComparison.Ordinal);
        var replay = CliRun.Run("explore", "--replay", Directory.GetFiles(dir).Single());
        Assert.Equal(0, replay.Exit);
        Assert.StartsWith("reproduced", replay.Out, StringComparison.Ordinal);
    }
}
