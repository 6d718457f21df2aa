using System.CommandLine;
using MmVerify.Cli.Simulate;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Cli.Compare;

/// <summary>
/// mmverify compare: run a base and a patch variant on the same workloads (N seeds) and print the metrics
/// in mmtests' compare-kernels style plus each property's verdict side by side. Exit 0 once compared:
/// compare reports differences, it does not judge them (check does).
/// </summary>
internal static class CompareCommand
{
    public const int MaxRuns = 100;

    public static Command Create() => Create(ScenarioCatalog.BuiltIn);

    public static Command Create(ScenarioCatalog catalog)
    {
        var baseVariant = new Option<string>("--base") { Description = "Reference variant BASELINE[+PATCH]...", Required = true };
        var patchVariant = new Option<string>("--patch") { Description = "Variant compared with the base", Required = true };
        var scenario = new Option<string?>("--scenario") { Description = "Scenario id (see: mmverify list scenarios)" };
        var scenarioFile = new Option<string?>("--scenario-file") { Description = "Scenario file (JSON; schema in specs/README.md)" };
        var runs = new Option<string?>("--runs") { Description = $"Runs per variant, 1..{MaxRuns}, with seeds --seed, --seed + 1, ... (default 1)" };
        var seconds = new Option<string?>("--seconds") { Description = "Simulated seconds per run (default: the scenario's duration_s)" };
        var seed = new Option<string?>("--seed") { Description = $"First seed (default: {ScenarioSetup.DefaultSeed})" };
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("compare", "Compare a patch variant with a base variant on one scenario (metrics and verdicts)")
        {
            baseVariant, patchVariant, scenario, scenarioFile, runs, seconds, seed, format,
        };
        command.SetAction(parse =>
        {
            var runCount = Runs(parse.GetValue(runs));
            var runSeconds = RunOptions.Seconds(parse.GetValue(seconds));
            var firstSeed = RunOptions.Seed(parse.GetValue(seed));
            var chosen = ScenarioInput.Resolve(parse.GetValue(scenario), parse.GetValue(scenarioFile), catalog);
            var b = Variant(parse.GetValue(baseVariant)!, "--base");
            var p = Variant(parse.GetValue(patchVariant)!, "--patch");

            var comparison = Comparison.Run(chosen, b, p, runCount, firstSeed, runSeconds ?? chosen.DurationSeconds);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json")
            {
                CompareJson.Write(comparison, output);
            }
            else
            {
                CompareText.Write(comparison, output);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static int Runs(string? text)
    {
        if (text is null)
        {
            return 1;
        }

        var value = IntegerText.Parse(text, "--runs");
        return value is < 1 or > MaxRuns
            ? throw new BadInputException($"--runs: {value} is out of range (1..{MaxRuns})")
            : (int)value;
    }

    private static string Variant(string name, string option)
    {
        try
        {
            return Model.Variants.VariantCatalog.Resolve(name).Name;
        }
        catch (Model.Variants.VariantException e)
        {
            throw new BadInputException($"{option}: {e.Message}");
        }
    }
}
