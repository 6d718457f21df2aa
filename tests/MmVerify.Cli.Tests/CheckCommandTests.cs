using System.Text.Json;

namespace MmVerify.Cli.Tests;

/// <summary>check exists and says there is nothing to run yet, without inventing verdicts.</summary>
public class CheckCommandTests
{
    [Fact]
    public void Check_says_there_are_no_scenarios_and_exits_0()
    {
        var r = CliRun.Run("check");

        Assert.Equal(ExitCodes.Ok, r.Exit);
        Assert.Equal("no scenarios yet\n", r.Out);
        Assert.Equal("", r.Err);
    }

    [Fact]
    public void Check_accepts_the_contract_options_and_known_property_ids()
    {
        var r = CliRun.Run("check", "--property", "buddy.conservation", "--property", "wmark.ordered", "--engine", "pbt",
            "--seed", "42", "--budget", "quick", "--out", "ce");

        Assert.Equal(ExitCodes.Ok, r.Exit);
        Assert.Equal("no scenarios yet\n", r.Out);
    }

    [Theory]
    [InlineData("--scenario", "net-order3-frag-storm", "unknown scenario 'net-order3-frag-storm'")]
    [InlineData("--variant", "linux-6.12+reset-when-balanced", "unknown variant 'linux-6.12+reset-when-balanced'")]
    [InlineData("--property", "kswapd.sleeps", "unknown property 'kswapd.sleeps'")]
    [InlineData("--engine", "magic", "magic")]
    public void Check_refuses_names_it_does_not_know(string option, string value, string message)
    {
        var r = CliRun.Run("check", option, value);

        Assert.Equal(ExitCodes.BadInput, r.Exit);
        Assert.Contains(message, r.Err);
        Assert.Single(r.Err.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Check_json_has_no_results_rather_than_made_up_ones()
    {
        var r = CliRun.Run("check", "--format", "json");

        Assert.Equal(ExitCodes.Ok, r.Exit);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Empty(doc.RootElement.GetProperty("results").EnumerateArray());
        Assert.Equal("no scenarios yet", doc.RootElement.GetProperty("summary").GetProperty("message").GetString());
    }
}
