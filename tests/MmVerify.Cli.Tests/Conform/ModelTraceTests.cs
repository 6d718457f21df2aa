using System.Text.Json;
using System.Text.RegularExpressions;

namespace MmVerify.Cli.Tests.Conform;

/// <summary>The model's own traces (`mmverify simulate --trace`) must conform to the variant that produced them.</summary>
public sealed partial class ModelTraceTests
{
    // simulate's text output interleaves its per-second monitor and counters with the trace lines.
    [GeneratedRegex(@"^\s*\S.*-\d+\s+\[\d{3}\]\s")]
    private static partial Regex TraceLine();

    [Theory]
    [InlineData("linux-7.2", "20")]
    [InlineData("linux-6.12", "12")]
    public void A_simulated_memcg_high_trace_conforms_to_its_own_variant(string variant, string seconds)
    {
        var sim = CliRun.Run("simulate", "--scenario", "memcg-high-revives-kswapd", "--variant", variant, "--seconds", seconds, "--trace");
        Assert.Equal(0, sim.Exit);
        var trace = string.Join('\n', sim.Out.Split('\n').Where(l => TraceLine().IsMatch(l))) + "\n";
        // The story the rules are about must be in the trace, or conforming would prove nothing.
        Assert.Contains("mm_vmscan_kswapd_reclaim_fail: nid=0 failures=16", trace, StringComparison.Ordinal);
        Assert.Contains("mm_vmscan_balance_pgdat_begin", trace, StringComparison.Ordinal);
        if (variant == "linux-6.12")
        {
            Assert.Contains("mm_vmscan_kswapd_clear_hopeless", trace, StringComparison.Ordinal);
        }

        using var file = TestFiles.Write(trace);
        var r = CliRun.Run("conform", "--trace", file.Path, "--variant", variant, "--format", "json");
        Assert.True(r.Exit == 0, r.Out);
        var json = JsonDocument.Parse(r.Out).RootElement;
        Assert.True(json.GetProperty("conforms").GetBoolean());
        Assert.Equal([0, 1], json.GetProperty("nodes").EnumerateArray().Select(n => n.GetInt32()));
        var hopeless = json.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("rule").GetString() == "kswapd.hopeless");
        Assert.True(hopeless.GetProperty("events").GetInt32() > 0);
    }

    [Fact]
    public void The_linux_6_12_model_trace_does_not_conform_to_linux_7_2_nor_the_7_2_trace_to_a_foreign_reset()
    {
        // 6.12 resets on any progress; those resets are legal on 7.2 too as far as a trace can tell (the balanced
        // condition needs zone state), so the variants differ only where the trace can show it: reasons.
        var sim = CliRun.Run("simulate", "--scenario", "memcg-high-revives-kswapd", "--variant", "linux-6.12", "--seconds", "12", "--trace");
        var trace = string.Join('\n', sim.Out.Split('\n').Where(l => TraceLine().IsMatch(l))) + "\n";
        using var file = TestFiles.Write(trace.Replace("reason=DIRECT", "reason=PCP", StringComparison.Ordinal));
        var on612 = CliRun.Run("conform", "--trace", file.Path, "--variant", "linux-6.12");
        var on72 = CliRun.Run("conform", "--trace", file.Path, "--variant", "linux-7.2");
        Assert.Equal(1, on612.Exit);
        Assert.Contains("breaks kswapd.reset-reason", on612.Out, StringComparison.Ordinal);
        Assert.Equal(0, on72.Exit);
    }
}
