namespace MmVerify.Cli.Tests;

/// <summary>simulate refuses bad scenario files and unknown names with exit 2 and one line, before running anything.</summary>
public class SimulateBadInputTests
{
    private static void AssertBadInput(CliResult r, string message)
    {
        Assert.Equal(ExitCodes.BadInput, r.Exit);
        Assert.Equal("", r.Out);
        var line = Assert.Single(r.ErrLines);
        Assert.StartsWith("mmverify: ", line);
        Assert.Contains(message, line);
        Assert.DoesNotContain("   at ", r.Err);
    }

    [Fact]
    public void A_bad_scenario_file_names_the_file_and_the_json_path()
    {
        using var file = TestScenarios.TinyWith("\"op\": \"fault-file\"", "\"op\": \"frobnicate\"");

        var r = CliRun.Run("simulate", "--scenario-file", file.Path, "--variant", "linux-7.2");

        AssertBadInput(r, $"mmverify: {file.Path}: $.phases[0].activities[0].op: unknown op 'frobnicate'");
    }

    [Theory]
    [InlineData("\"pages\": 4096", "\"pages\": -1", "$.machine.nodes[0].zones[0].pages: -1 is out of range")]
    [InlineData("\"duration_s\": 3", "\"duration_s\": \"3\"", "$.duration_s: expected an integer")]
    [InlineData("\"tasks\": [ { \"name\": \"reader\" } ]", "\"tasks\": []", "$.phases[0].activities[0].task: unknown task 'reader'")]
    [InlineData("\"variants\": [\"linux-7.2\", \"linux-6.12\"]", "\"variants\": [\"linux-8\"]", "$.variants[0]: unknown variant part 'linux-8'")]
    [InlineData("\"title\"", "\"titel\"", "$.titel: unknown key 'titel'")]
    [InlineData("\"id\": \"tiny-file-faults\",", "", "$: missing required key 'id'")]
    [InlineData("\"duration_s\": 3,", "\"duration_s\": 3,,", "$: not valid JSON")]
    public void Each_kind_of_bad_file_is_one_line(string from, string to, string message)
    {
        using var file = TestScenarios.TinyWith(from, to);

        AssertBadInput(CliRun.Run("simulate", "--scenario-file", file.Path, "--variant", "linux-7.2"), message);
    }

    [Theory]
    [InlineData("linux-9.9", "--variant: unknown variant part 'linux-9.9' in 'linux-9.9'")]
    [InlineData("linux-7.2+reset-when-balanced", "--variant: 'reset-when-balanced' is already part of linux-7.2")]
    [InlineData("defrag-mode+defrag-mode-kswapd-assist", "--variant: 'defrag-mode+defrag-mode-kswapd-assist': two patches change DefragMode")]
    [InlineData("", "--variant: empty variant name")]
    public void Unknown_and_incompatible_variants_exit_2(string variant, string message)
    {
        AssertBadInput(CliRun.Run("simulate", "--scenario-file", TestScenarios.Tiny, "--variant", variant), message);
    }

    [Theory]
    [InlineData("net-order3-frag-storm-typo")]
    [InlineData("../TestScenarios/tiny-file-faults")]
    [InlineData("Tiny")]
    public void An_unknown_scenario_id_exits_2_listing_nothing_else(string id)
    {
        var r = CliRun.Run("simulate", "--scenario", id, "--variant", "linux-7.2");

        AssertBadInput(r, $"mmverify: unknown scenario '{id}'");
        Assert.Equal($"mmverify: unknown scenario '{id}'\n", r.Err);
    }

    [Fact]
    public void A_missing_file_exits_2_naming_the_option_and_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"mmverify-missing-{Guid.NewGuid():N}.json");

        AssertBadInput(CliRun.Run("simulate", "--scenario-file", missing, "--variant", "linux-7.2"), $"--scenario-file: Could not find file '{missing}'");
    }

    [Theory]
    [InlineData(new[] { "--seconds", "0" }, "--seconds: 0 is out of range (1..86400)")]
    [InlineData(new[] { "--seconds", "86401" }, "--seconds: 86401 is out of range")]
    [InlineData(new[] { "--seconds", "1.5" }, "--seconds: '1.5' is not an integer")]
    [InlineData(new[] { "--seed", "-1" }, "--seed: '-1' is not a non-negative integer")]
    [InlineData(new[] { "--seed", "18446744073709551616" }, "--seed: '18446744073709551616' is out of range")]
    [InlineData(new[] { "--format", "xml" }, "xml")]
    [InlineData(new[] { "--scenario", "tiny-file-faults" }, "give --scenario or --scenario-file, not both")]
    [InlineData(new[] { "--bogus" }, "--bogus")]
    public void Bad_options_exit_2(string[] extra, string message)
    {
        AssertBadInput(CliRun.Run(["simulate", "--scenario-file", TestScenarios.Tiny, "--variant", "linux-7.2", .. extra]), message);
    }

    [Fact]
    public void The_variant_is_required()
    {
        AssertBadInput(CliRun.Run("simulate", "--scenario-file", TestScenarios.Tiny), "--variant");
    }

    [Fact]
    public void A_scenario_is_required()
    {
        AssertBadInput(CliRun.Run("simulate", "--variant", "linux-7.2"), "give --scenario ID or --scenario-file FILE");
    }
}
