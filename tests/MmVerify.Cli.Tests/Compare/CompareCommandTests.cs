using System.Globalization;
using System.Text.Json;

namespace MmVerify.Cli.Tests.Compare;

/// <summary>compare: the mmtests-style table and the verdicts side by side, json for tools, determinism, bad input.</summary>
public class CompareCommandTests
{
    [Fact]
    public void Seed_001_the_7_2_reset_rule_shows_as_a_busy_fraction_drop_and_a_changed_verdict()
    {
        var r = CliRun.Run("compare", "--base", "linux-6.12", "--patch", "linux-7.2", "--scenario", "memcg-high-revives-kswapd", "--seconds", "14");

        Assert.True(r.Exit == 0, r.Err);
        Assert.Equal("", r.Err);
        var lines = r.OutLines;
        Assert.Contains(lines, l => l.TrimEnd().EndsWith("linux-6.12                  linux-7.2", StringComparison.Ordinal));

        // "Hmean   kswapd0-busy   0.2572 (   0.00%)   0.0007 ( -99.71%)": from about 10 s 6.12 keeps kswapd busy, 7.2 lets it stop.
        var busy = Row(lines, "Hmean   kswapd0-busy");
        Assert.Equal("0.00", busy[2].Trim('(', ')', '%'));
        Assert.True(double.Parse(busy[1], CultureInfo.InvariantCulture) > 0.15, string.Join(' ', busy));
        Assert.True(double.Parse(busy[3], CultureInfo.InvariantCulture) < 0.05, string.Join(' ', busy));
        Assert.True(double.Parse(busy[^1].Trim('(', ')', '%'), CultureInfo.InvariantCulture) < -90, string.Join(' ', busy));

        var reset = Row(lines, "kswapd.reset-when-balanced");
        Assert.Equal(["kswapd.reset-when-balanced", "violated", "holds", "*"], reset);
        Assert.Equal(["buddy.conservation", "holds", "holds"], Row(lines, "buddy.conservation"));
    }

    [Fact]
    public void Json_has_every_run_s_values_their_mean_and_the_change_and_the_same_seeds_give_the_same_bytes()
    {
        string[] args = ["compare", "--base", "linux-7.2", "--patch", "order-aware-kswapd", "--scenario", "kswapd-order-aware-2004", "--seconds", "6", "--runs", "2", "--format", "json"];
        var r = CliRun.Run(args);
        Assert.True(r.Exit == 0, r.Err);
        Assert.Equal(r.Out, CliRun.Run(args).Out);

        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal("kswapd-order-aware-2004", root.GetProperty("scenario").GetString());
        Assert.Equal("linux-7.2+order-aware-kswapd", root.GetProperty("patch").GetString());
        Assert.Equal([1UL, 2UL], root.GetProperty("seeds").EnumerateArray().Select(s => s.GetUInt64()));
        var metrics = root.GetProperty("metrics").EnumerateArray().ToArray();
        var scan = metrics.Single(m => m.GetProperty("id").GetString() == "pgscan-kswapd");
        Assert.Equal("Amean", scan.GetProperty("stat").GetString());
        var values = scan.GetProperty("base").GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(2, values.Length);
        Assert.Equal(values.Average(), scan.GetProperty("base").GetProperty("mean").GetDouble(), 6);
        Assert.Equal("Hmean", metrics.Single(m => m.GetProperty("id").GetString() == "kswapd0-busy").GetProperty("stat").GetString());

        var properties = root.GetProperty("properties").EnumerateArray().ToArray();
        Assert.Contains(properties, p => p.GetProperty("property").GetString() == "kswapd.sleeps");
        Assert.All(properties, p => Assert.Equal(2, p.GetProperty("patch").GetArrayLength()));
    }

    [Fact]
    public void Every_built_in_scenario_compares_its_first_and_last_variant()
    {
        foreach (var scenario in Specs.Scenarios.ScenarioCatalog.BuiltIn.LoadAll())
        {
            var r = CliRun.Run("compare", "--base", scenario.Variants[0], "--patch", scenario.Variants[^1], "--scenario", scenario.Id, "--seconds", "2");
            Assert.True(r.Exit == 0, $"{scenario.Id}: {r.Err}");
            Assert.Contains(r.OutLines, l => l.StartsWith("Hmean   kswapd0-busy", StringComparison.Ordinal));
            Assert.Contains(r.OutLines, l => l.StartsWith("buddy.conservation", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("--base|nope|--patch|linux-7.2|--scenario|defrag-mode-oom-path", "--base: unknown variant part 'nope'")]
    [InlineData("--base|linux-7.2|--patch|nope|--scenario|defrag-mode-oom-path", "--patch: unknown variant part 'nope'")]
    [InlineData("--base|linux-7.2|--patch|linux-6.12|--scenario|no-such-scenario", "unknown scenario 'no-such-scenario'")]
    [InlineData("--base|linux-7.2|--patch|linux-6.12|--scenario|defrag-mode-oom-path|--runs|0", "--runs: 0 is out of range")]
    [InlineData("--base|linux-7.2|--patch|linux-6.12|--scenario|defrag-mode-oom-path|--runs|-3", "--runs: -3 is out of range")]
    [InlineData("--base|linux-7.2|--patch|linux-6.12|--scenario|defrag-mode-oom-path|--runs|two", "--runs: 'two' is not an integer")]
    [InlineData("--base|linux-7.2|--patch|linux-6.12|--scenario|defrag-mode-oom-path|--seconds|0", "--seconds: 0 is out of range")]
    [InlineData("--base|linux-7.2|--patch|linux-6.12", "give --scenario ID or --scenario-file FILE")]
    [InlineData("--base|linux-7.2|--scenario|defrag-mode-oom-path", "--patch")]
    [InlineData("--base|linux-7.2|--patch|linux-6.12|--scenario|defrag-mode-oom-path|--format|xml", "xml")]
    public void Bad_input_is_one_line_and_exit_2(string args, string message)
    {
        var r = CliRun.Run(["compare", .. args.Split('|')]);

        Assert.Equal(ExitCodes.BadInput, r.Exit);
        Assert.Equal("", r.Out);
        var line = Assert.Single(r.ErrLines);
        Assert.StartsWith("mmverify: ", line);
        Assert.Contains(message, line);
    }

    /// <summary>The whitespace-separated cells of the line that starts with the given text.</summary>
    private static string[] Row(string[] lines, string start)
    {
        var line = lines.Single(l => l.StartsWith(start + " ", StringComparison.Ordinal));
        var cells = System.Text.RegularExpressions.Regex.Replace(line, @"\(\s+", "(");
        return cells[(start.StartsWith("Hmean", StringComparison.Ordinal) ? 8 : 0)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
