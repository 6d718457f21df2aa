using System.CommandLine;
using MmVerify.Specs;

namespace MmVerify.Cli.Check;

/// <summary>
/// mmverify check: the property gate. Its options follow the DESIGN.md contract, but no scenario is
/// written yet, so there is nothing to run; it says so instead of inventing verdicts.
/// </summary>
internal static class CheckCommand
{
    public const string NothingToRun = "no scenarios yet";

    public static Command Create()
    {
        var scenario = new Option<string[]>("--scenario") { Description = "Scenario id (repeatable)" };
        var scenarioFile = new Option<string[]>("--scenario-file") { Description = "Scenario file (repeatable)" };
        var variant = new Option<string[]>("--variant") { Description = "Variant BASELINE[+PATCH]... (repeatable)" };
        var property = new Option<string[]>("--property") { Description = "Property id (repeatable)" };
        var engine = new Option<string>("--engine") { Description = "Checking engine", DefaultValueFactory = _ => "all" };
        engine.AcceptOnlyFromAmong("pbt", "explore", "smt", "sim", "all");
        var seed = new Option<string?>("--seed") { Description = "Seed for generated workloads" };
        var budget = new Option<string>("--budget") { Description = "Effort", DefaultValueFactory = _ => "standard" };
        budget.AcceptOnlyFromAmong("quick", "standard", "deep");
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "junit", "markdown");
        var outDir = new Option<string>("--out") { Description = "Directory for counterexamples", DefaultValueFactory = _ => "./counterexamples/" };

        var command = new Command("check", "Check properties on scenarios and variants against the expected verdicts")
        {
            scenario, scenarioFile, variant, property, engine, seed, budget, format, outDir,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(seed) is { } seedText)
            {
                IntegerText.Parse(seedText, "--seed");
            }

            // No scenario or variant exists yet, so every name is unknown; property ids are checked against the catalog.
            if (parse.GetValue(scenario) is [var firstScenario, ..])
            {
                throw new BadInputException($"unknown scenario '{firstScenario}' ({NothingToRun})");
            }

            if (parse.GetValue(scenarioFile) is [var firstFile, ..])
            {
                throw new BadInputException($"--scenario-file '{firstFile}': scenario files are not supported yet ({NothingToRun})");
            }

            if (parse.GetValue(variant) is [var firstVariant, ..])
            {
                throw new BadInputException($"unknown variant '{firstVariant}' (no variants yet)");
            }

            foreach (var id in parse.GetValue(property) ?? [])
            {
                if (!PropertyCatalog.All.Any(p => p.Id == id))
                {
                    throw new BadInputException($"unknown property '{id}'");
                }
            }

            var output = parse.InvocationConfiguration.Output;
            switch (parse.GetValue(format))
            {
                case "json":
                    // The contract's object, with no results rather than made-up ones.
                    output.WriteLine($"{{\"results\":[],\"summary\":{{\"total\":0,\"message\":\"{NothingToRun}\"}}}}");
                    break;
                case "junit":
                    output.WriteLine("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
                    output.WriteLine($"<testsuites name=\"mmverify\" tests=\"0\" failures=\"0\"><!-- {NothingToRun} --></testsuites>");
                    break;
                default:
                    output.WriteLine(NothingToRun);
                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
