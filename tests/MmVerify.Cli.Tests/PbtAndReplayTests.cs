using System.Text.Json;

namespace MmVerify.Cli.Tests;

/// <summary>
/// check --engine pbt finds seed 001's livelock in the small memcg scenario, writes the shrunk counterexample,
/// and replay re-executes it byte for byte. Each test states the verdict it expects from the model.
/// </summary>
public sealed class PbtAndReplayTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), $"mmverify-cx-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, true);
        }
    }

    private CliResult Pbt(string variant, string property, params string[] extra) => CliRun.Run(
        ["check", "--engine", "pbt", "--scenario", "memcg-high-revives-kswapd", "--variant", variant, "--property", property, "--out", _out, "--format", "json", .. extra]);

    private string Counterexample(string variant = "linux-6.12", string property = "kswapd.hopeless")
    {
        var r = Pbt(variant, property);
        using var json = JsonDocument.Parse(r.Out);
        var result = json.RootElement.GetProperty("results")[0];
        Assert.Equal("violated", result.GetProperty("verdict").GetString());
        return result.GetProperty("counterexample").GetString()!;
    }

    [Fact]
    public void Pbt_finds_the_linux_6_12_reset_livelock_and_writes_a_counterexample()
    {
        // Expected: violated on linux-6.12 (direct reclaim progress clears a hopeless, unbalanced node), as recorded.
        var r = Pbt("linux-6.12", "kswapd.hopeless");

        Assert.Equal(ExitCodes.Ok, r.Exit);
        using var json = JsonDocument.Parse(r.Out);
        var result = json.RootElement.GetProperty("results")[0];
        Assert.Equal("pbt", result.GetProperty("engine").GetString());
        Assert.Equal("violated", result.GetProperty("verdict").GetString());
        Assert.Equal("violated", result.GetProperty("expected").GetString());
        Assert.True(File.Exists(result.GetProperty("counterexample").GetString()));
    }

    [Fact]
    public void Pbt_finds_nothing_on_linux_7_2()
    {
        // Expected: holds on linux-7.2 (only a balanced node clears the counter), as recorded.
        var r = Pbt("linux-7.2", "kswapd.hopeless");

        Assert.Equal(ExitCodes.Ok, r.Exit);
        Assert.Contains("\"verdict\":\"holds\"", r.Out);
        Assert.False(Directory.Exists(_out) && Directory.EnumerateFiles(_out).Any());
    }

    [Fact]
    public void The_same_seed_gives_the_same_counterexample_bytes()
    {
        var first = File.ReadAllText(Counterexample());
        var second = File.ReadAllText(Counterexample());

        Assert.Equal(first, second);
        Assert.Contains("\"replay_seed\": 1", first);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("trace")]
    [InlineData("json")]
    public void Replay_reproduces_the_violation_with_the_same_bytes_every_time(string format)
    {
        var file = Counterexample();
        var a = CliRun.Run("replay", file, "--format", format);
        var b = CliRun.Run("replay", file, "--format", format);

        Assert.Equal(ExitCodes.Ok, a.Exit);
        Assert.Equal(a.Out, b.Out);
        Assert.Contains(format == "json" ? "\"reproduced\": true" : "reproduced: the recorded violation happens again", a.Out);
    }

    [Fact]
    public void Replay_text_marks_the_failing_step_with_kernel_state()
    {
        var r = CliRun.Run("replay", Counterexample());

        Assert.Matches(@">>> step \d+, t=[0-9.]+ s: kswapd.hopeless fails: node 0: hopeless state", r.Out);
        Assert.Contains("Node 0, zone   Normal", r.Out);
        Assert.Contains("mm_vmscan_kswapd_clear_hopeless: nid=0 reason=DIRECT", r.Out);
        Assert.Matches(@"kswapd0 \w+ kswapd_failures \d+", r.Out);
    }

    [Fact]
    public void A_counterexample_whose_step_no_longer_matches_does_not_reproduce()
    {
        // Exit 1: the recorded failing step is moved, as if the model had changed since.
        var text = File.ReadAllText(Counterexample());
        var step = JsonDocument.Parse(text).RootElement.GetProperty("failure").GetProperty("step").GetInt64();
        using var moved = TestFiles.Write(text.Replace($"\"step\": {step}", $"\"step\": {step + 1}", StringComparison.Ordinal));
        var r = CliRun.Run("replay", moved.Path);

        Assert.Equal(ExitCodes.Failed, r.Exit);
        Assert.Contains("NOT reproduced", r.Out);
    }

    [Theory]
    [InlineData("\"model_version\": \"mmverify-model/1\"", "\"model_version\": \"mmverify-model/0\"", "recorded by model version 'mmverify-model/0'")]
    [InlineData("\"schema_version\": 1", "\"schema_version\": 2", "schema_version: 2 is not supported")]
    [InlineData("\"variant\": \"linux-6.12\"", "\"variant\": \"linux-2.4\"", "$.variant")]
    [InlineData("\"property\": \"kswapd.hopeless\"", "\"property\": \"kswapd.naps\"", "unknown property 'kswapd.naps'")]
    [InlineData("\"schema\": \"mmverify-counterexample\",", "\"schema\": \"mmverify-counterexample\", \"extra\": 1,", "$.extra: unknown key")]
    [InlineData("\"engine\": \"pbt\"", "\"engine\": 7", "$.engine: expected string, found number")]
    public void A_bad_or_incompatible_counterexample_is_bad_input_in_one_line(string from, string to, string message)
    {
        var text = File.ReadAllText(Counterexample());
        Assert.Contains(from, text);
        using var bad = TestFiles.Write(text.Replace(from, to, StringComparison.Ordinal));
        var r = CliRun.Run("replay", bad.Path);

        Assert.Equal(ExitCodes.BadInput, r.Exit);
        Assert.Contains(message, r.Err);
        Assert.Single(r.Err.TrimEnd('\n').Split('\n'));
        Assert.Empty(r.Out);
    }

    [Theory]
    [InlineData("not json at all", "not JSON")]
    [InlineData("[1, 2]", "expected an object")]
    [InlineData("{}", "$.schema: missing")]
    public void A_malformed_counterexample_file_is_bad_input(string text, string message)
    {
        using var bad = TestFiles.Write(text);
        var r = CliRun.Run("replay", bad.Path);

        Assert.Equal(ExitCodes.BadInput, r.Exit);
        Assert.Contains(message, r.Err);
        Assert.Single(r.Err.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void A_missing_counterexample_file_is_bad_input()
    {
        var r = CliRun.Run("replay", "/nonexistent/cx.json");

        Assert.Equal(ExitCodes.BadInput, r.Exit);
        Assert.Contains("no such file", r.Err);
    }
}
