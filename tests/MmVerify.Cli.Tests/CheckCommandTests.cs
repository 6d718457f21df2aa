using System.Text.Json;

namespace MmVerify.Cli.Tests;

/// <summary>
/// check runs scenarios through the simulation engine and compares each verdict with the expectations file.
/// These use the 3-second tiny scenario and expectation files written per test, so the exit code is decided
/// by what the simulation finds, not by the built-in catalog.
/// </summary>
public class CheckCommandTests
{
    private static TempFile Expect(string verdict, string property = "kswapd.sleeps") => TestFiles.Write($$"""
        { "version": 1, "expectations": [
          { "scenario": "tiny-file-faults", "variant": "linux-7.2", "property": "{{property}}",
            "verdict": "{{verdict}}", "evidence": "I", "reason": "test" } ] }
        """);

    // The simulation gate alone: since PBT joined "all", the default engine also judges the file's small form.
    private static CliResult CheckTiny(TempFile expected, params string[] extra) =>
        CliRun.Run(["check", "--engine", "sim", "--scenario-file", TestScenarios.Tiny, "--variant", "linux-7.2", "--expected", expected.Path, .. extra]);

    [Fact]
    public void A_verdict_equal_to_its_expectation_exits_0_and_is_printed_in_the_matrix()
    {
        using var expected = Expect("holds", "buddy.conservation");
        var r = CheckTiny(expected);

        Assert.Equal(ExitCodes.Ok, r.Exit);
        Assert.Contains("scenario tiny-file-faults", r.Out);
        Assert.Matches(@"buddy\.conservation +holds", r.Out);
        Assert.DoesNotContain("(!)", r.Out);
    }

    [Fact]
    public void A_verdict_against_its_expectation_exits_1_and_names_the_triple()
    {
        using var expected = Expect("violated", "buddy.conservation");
        var r = CheckTiny(expected);

        Assert.Equal(ExitCodes.Failed, r.Exit);
        Assert.Contains("(!) tiny-file-faults / linux-7.2 / buddy.conservation [sim]: holds, expected violated", r.Out);
    }

    [Fact]
    public void The_named_property_is_judged_by_the_run_and_both_expectations_cannot_pass()
    {
        // kswapd.sleeps is named by the scenario: whatever the run shows, exactly one of the two
        // expectations agrees with it, so check is not a constant.
        using var holds = Expect("holds");
        using var violated = Expect("violated");
        var exits = new[] { CheckTiny(holds).Exit, CheckTiny(violated).Exit };

        Assert.Contains(ExitCodes.Ok, exits);
        Assert.Contains(ExitCodes.Failed, exits);
    }

    [Fact]
    public void Json_results_carry_the_contract_fields()
    {
        using var expected = Expect("holds", "buddy.conservation");
        var r = CheckTiny(expected, "--format", "json", "--seed", "7");

        Assert.Equal(ExitCodes.Ok, r.Exit);
        using var doc = JsonDocument.Parse(r.Out);
        var results = doc.RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.NotEmpty(results);
        var conservation = results.Single(x => x.GetProperty("property").GetString() == "buddy.conservation");
        Assert.Equal("tiny-file-faults", conservation.GetProperty("scenario").GetString());
        Assert.Equal("linux-7.2", conservation.GetProperty("variant").GetString());
        Assert.Equal("sim", conservation.GetProperty("engine").GetString());
        Assert.Equal("holds", conservation.GetProperty("verdict").GetString());
        Assert.Equal("holds", conservation.GetProperty("expected").GetString());
        Assert.Equal(JsonValueKind.Null, conservation.GetProperty("counterexample").ValueKind);
        Assert.Equal(7UL, conservation.GetProperty("seed").GetUInt64());
        Assert.True(conservation.GetProperty("steps").GetInt64() > 0);
        Assert.True(doc.RootElement.TryGetProperty("summary", out _));
    }

    [Fact]
    public void The_same_seed_gives_the_same_text_report()
    {
        using var expected = Expect("holds", "buddy.conservation");

        Assert.Equal(CheckTiny(expected, "--seed", "3").Out, CheckTiny(expected, "--seed", "3").Out);
    }

    [Fact]
    public void Quick_budget_never_runs_past_the_scenario()
    {
        using var expected = Expect("holds", "buddy.conservation");
        var r = CheckTiny(expected, "--budget", "quick", "--format", "json");

        Assert.Equal(ExitCodes.Ok, r.Exit);
    }

    [Theory]
    [InlineData("--scenario", "no-such-scenario", "unknown scenario 'no-such-scenario'")]
    [InlineData("--variant", "linux-2.4", "unknown variant 'linux-2.4'")]
    [InlineData("--property", "kswapd.naps", "unknown property 'kswapd.naps'")]
    [InlineData("--engine", "magic", "magic")]
    [InlineData("--expected", "/nonexistent/expected.json", "no such expectations file")]
    public void Check_refuses_names_it_does_not_know(string option, string value, string message)
    {
        var r = CliRun.Run("check", option, value);

        Assert.Equal(ExitCodes.BadInput, r.Exit);
        Assert.Contains(message, r.Err);
        Assert.Single(r.Err.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void A_malformed_expectations_file_is_bad_input()
    {
        using var bad = TestFiles.Write("""{ "version": 1, "expectations": [ { "scenario": "x" } ] }""");
        var r = CliRun.Run("check", "--scenario-file", TestScenarios.Tiny, "--expected", bad.Path);

        Assert.Equal(ExitCodes.BadInput, r.Exit);
        Assert.Single(r.Err.TrimEnd('\n').Split('\n'));
    }
}
