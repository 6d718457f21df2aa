using System.Text.Json;
using System.Text.Json.Nodes;

namespace MmVerify.Cli.Tests;

/// <summary>mmverify replay on explorer counterexamples (engine explore in the common counterexample format).</summary>
public sealed class ExploreReplayCliTests
{
    private const string S3 = "memcg-high-revives-kswapd";

    private const string S6 = "defrag-mode-oom-path";

    private static string Find(string scenario, string variant, string property)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"explore-{Guid.NewGuid():N}");
        var r = CliRun.Run("check", "--engine", "explore", "--scenario", scenario, "--variant", variant, "--property", property, "--out", dir);
        Assert.Equal(0, r.Exit);
        return Directory.GetFiles(dir).Single();
    }

    [Theory]
    [InlineData(S3, "linux-6.12", "kswapd.sleeps")]
    [InlineData(S6, "linux-7.2+defrag-mode", "alloc.terminates")]
    public void Replay_reproduces_the_lasso_in_the_common_format(string scenario, string variant, string property)
    {
        var file = Find(scenario, variant, property);
        Assert.EndsWith($"{scenario}.small.{variant.Replace('+', '_')}.{property}.explore.json", file, StringComparison.Ordinal);
        var root = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
        Assert.Equal("mmverify-counterexample", root.GetProperty("schema").GetString());
        Assert.Equal(1, root.GetProperty("schema_version").GetInt32());
        Assert.Equal("explore", root.GetProperty("engine").GetString());
        Assert.Equal("lasso", root.GetProperty("explore").GetProperty("kind").GetString());

        var first = CliRun.Run("replay", file);
        Assert.Equal(0, first.Exit);
        Assert.StartsWith("reproduced: fair cycle", first.Out, StringComparison.Ordinal);
        Assert.Contains("cycle starts here", first.Out, StringComparison.Ordinal);
        Assert.Equal(first.Out, CliRun.Run("replay", file).Out);
        Assert.Equal(first.Out, CliRun.Run("explore", "--replay", file).Out);
        var json = JsonDocument.Parse(CliRun.Run("replay", file, "--format", "json").Out).RootElement;
        Assert.True(json.GetProperty("reproduced").GetBoolean());
    }

    [Fact]
    public void A_lasso_replayed_on_the_fix_does_not_reproduce()
    {
        var file = Find(S3, "linux-6.12", "kswapd.sleeps");
        Edit(file, o => o["variant"] = "linux-7.2");
        var r = CliRun.Run("replay", file);
        Assert.Equal(1, r.Exit);
        Assert.StartsWith("not reproduced", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tampered_state_exits_1()
    {
        var file = Find(S6, "linux-7.2+defrag-mode", "alloc.terminates");
        Edit(file, o => o["explore"]!["states"]![1] = "at=attempt free=9");
        var r = CliRun.Run("replay", file);
        Assert.Equal(1, r.Exit);
        Assert.Contains("differs from the recorded one", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tampered_action_exits_1()
    {
        var file = Find(S3, "linux-6.12", "kswapd.sleeps");
        Edit(file, o => o["explore"]!["actions"]![0] = "hog-exit");
        Assert.Equal(1, CliRun.Run("replay", file).Exit);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("unknown key")]
    [InlineData("missing world")]
    [InlineData("bad kind")]
    [InlineData("step")]
    [InlineData("unknown action")]
    [InlineData("model version")]
    [InlineData("unknown variant")]
    public void A_malformed_file_exits_2_with_one_line(string damage)
    {
        var file = Find(S3, "linux-6.12", "kswapd.hopeless");
        if (damage == "not json")
        {
            File.WriteAllText(file, "{\"engine\": \"explore\", ");
        }
        else
        {
            Edit(file, o =>
            {
                var x = o["explore"]!.AsObject();
                _ = damage switch
                {
                    "unknown key" => o["extra"] = 1,
                    "missing world" => x.Remove("world") ? null : null,
                    "bad kind" => x["kind"] = "lasso",
                    "step" => o["failure"]!["step"] = 3,
                    "unknown action" => x["actions"]![0] = "frobnicate",
                    "model version" => o["model_version"] = "mmverify-model/0",
                    _ => o["variant"] = "linux-9.9",
                };
            });
        }

        var r = CliRun.Run("replay", file);
        Assert.Equal(2, r.Exit);
        Assert.Single(r.ErrLines);
        Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
    }

    private static void Edit(string file, Action<JsonObject> edit)
    {
        var o = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        edit(o);
        File.WriteAllText(file, o.ToJsonString());
    }
}
