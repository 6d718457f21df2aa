using System.CommandLine;
using MmVerify.Engine.Properties;
using MmVerify.Specs;
using MmVerify.Specs.Gate;
using MmVerify.Specs.Pbt;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Cli.Check;

/// <summary>
/// mmverify check: runs the selected scenarios on their variants, judges the properties and compares each
/// verdict with specs/expected-verdicts.json (sim, pbt, explore and smt).
/// </summary>
internal static class CheckCommand
{
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
        var expected = new Option<string?>("--expected") { Description = "Expected-verdicts file (default: the built-in specs/expected-verdicts.json)" };

        var command = new Command("check", "Check properties on scenarios and variants against the expected verdicts")
        {
            scenario, scenarioFile, variant, property, engine, seed, budget, format, outDir, expected,
        };
        command.SetAction(parse => Run(
            parse,
            parse.GetValue(outDir)!,
            parse.GetValue(scenario) ?? [],
            parse.GetValue(scenarioFile) ?? [],
            parse.GetValue(variant) ?? [],
            parse.GetValue(property) ?? [],
            parse.GetValue(engine)!,
            parse.GetValue(seed),
            parse.GetValue(budget)!,
            parse.GetValue(format)!,
            parse.GetValue(expected)));
        return command;
    }

    private static int Run(ParseResult parse, string outDir, string[] scenarios, string[] files, string[] variants, string[] properties, string engine, string? seedText, string budget, string format, string? expectedPath)
    {
        var seed = seedText is null ? ScenarioSetup.DefaultSeed : (ulong)IntegerText.Parse(seedText, "--seed");
        if (engine == "smt")
        {
            return SmtCheck.Run(parse.InvocationConfiguration.Output, variants, properties, seed, format, outDir);
        }

        VariantNames.Validate(variants);

        foreach (var id in properties)
        {
            if (PropertyCatalog.Find(id) is null)
            {
                throw new BadInputException(PropertyCatalog.All.Any(p => p.Id == id)
                    ? $"property '{id}' is not judged over scenario runs (it is checked by the buddy workload tests)"
                    : $"unknown property '{id}'");
            }
        }

        ExpectationSet expectations;
        try
        {
            expectations = ExpectationSet.Load(expectedPath ?? ExpectationSet.BuiltInPath);
        }
        catch (ExpectationException e)
        {
            throw new BadInputException(e.Message);
        }

        var catalog = ScenarioCatalog.BuiltIn;
        var selected = scenarios.ToList();
        foreach (var id in selected)
        {
            if (catalog.Find(id) is null)
            {
                throw new BadInputException($"unknown scenario '{id}'");
            }
        }

        var results = new List<GateResult>();
        var request = new GateRequest(selected, variants, properties, budget, seed);
        var progress = Console.IsErrorRedirected || format != "text" ? null : (Action<string>)(m => Console.Error.WriteLine($"... {m}"));
        var fromFiles = files.Select(LoadFile).ToArray();
        var builtIn = files.Length == 0 || selected.Count > 0;
        if (engine is "sim" or "all")
        {
            results.AddRange(SimGate.Run(request, fromFiles, expectations, progress));
            if (builtIn)
            {
                results.AddRange(SimGate.Run(request, catalog, expectations, progress));
            }
        }

        if (engine is "pbt" or "all")
        {
            // PBT runs a scenario file as given, and a built-in scenario in its small form.
            results.AddRange(PbtGate.Run(request, fromFiles, expectations, progress));
            if (builtIn)
            {
                var small = PbtGate.SmallForms;
                var forms = selected.Count == 0 ? small.LoadAll() : selected.Select(small.Find).OfType<Scenario>().ToArray();
                results.AddRange(PbtGate.Run(request, forms, expectations, progress));
            }
        }

        if (engine == "explore" && files.Length > 0)
        {
            throw new BadInputException("--engine explore takes built-in scenarios only (their explicit-state worlds), not --scenario-file");
        }

        if (engine == "explore" || (engine == "all" && builtIn))
        {
            // The explorer runs the scenarios that have an explicit-state world (README, "Exhaustive exploration").
            results.AddRange(ExploreCheck.Run(selected, variants, properties, expectations, outDir, strict: engine == "explore"));
        }

        // The theories do not belong to a scenario: "all" proves them when the whole catalog is checked.
        if (engine == "all" && selected.Count == 0 && files.Length == 0)
        {
            results.AddRange(SmtCheck.Results(variants, properties, seed, outDir));
        }

        results = CounterexampleFiles.WriteAll(results, outDir);

        var output = parse.InvocationConfiguration.Output;
        output.Write(format switch
        {
            "json" => CheckReports.Json(results),
            "junit" => CheckReports.Junit(results),
            "markdown" => CheckReports.Markdown(results),
            _ => CheckReports.Text(results),
        });

        // An unexpected holds or violated is a changed verdict (1); only unexpected unknowns are inconclusive (3).
        var unexpected = results.Where(r => !r.AsExpected).ToArray();
        if (unexpected.Any(r => r.Verdict != Verdict.Unknown))
        {
            return ExitCodes.Failed;
        }

        return unexpected.Length > 0 ? ExitCodes.Inconclusive : ExitCodes.Ok;
    }

    private static Scenario LoadFile(string file)
    {
        try
        {
            return ScenarioLoader.Load(file);
        }
        catch (ScenarioException e)
        {
            throw new BadInputException(e.Message);
        }
    }
}
