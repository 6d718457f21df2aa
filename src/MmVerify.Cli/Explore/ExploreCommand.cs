using System.CommandLine;
using MmVerify.Engine.Explore;
using MmVerify.Engine.Properties;
using MmVerify.Specs.Explore;
using MmVerify.Specs.Gate;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Cli.Explore;

/// <summary>
/// mmverify explore: exhaustive search of a scenario's explicit-state world on a variant (README, "Exhaustive
/// exploration"); --replay FILE is an alias of `mmverify replay FILE` for explorer counterexamples.
/// </summary>
internal static class ExploreCommand
{
    public static Command Create()
    {
        var scenario = new Option<string?>("--scenario") { Description = "Scenario id" };
        var variant = new Option<string?>("--variant") { Description = "Variant BASELINE[+PATCH]..." };
        var property = new Option<string[]>("--property") { Description = "Property id (repeatable; default: all the explorer judges)" };
        var maxStates = new Option<string>("--max-states") { Description = "Stop after the BFS level that stores more than N states", DefaultValueFactory = _ => "50000000" };
        var threads = new Option<string>("--threads") { Description = "Worker threads", DefaultValueFactory = _ => "2" };
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var outDir = new Option<string?>("--out") { Description = "Directory to write counterexample files to" };
        var replay = new Option<string?>("--replay") { Description = "Re-execute an explorer counterexample file (the same as mmverify replay FILE)" };
        var command = new Command("explore", "Exhaustively explore a scenario's small explicit-state world on a variant")
        {
            scenario, variant, property, maxStates, threads, format, outDir, replay,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(replay) is { } file)
            {
                // an alias of `mmverify replay FILE` for explorer counterexamples
                return File.Exists(file)
                    ? ExploreReplayCommand.Run(output, file, File.ReadAllText(file), parse.GetValue(format)!)
                    : throw new BadInputException($"{file}: no such file");
            }

            return Run(
                output,
                parse.GetValue(scenario) ?? throw new BadInputException("explore needs --scenario (or --replay FILE)"),
                parse.GetValue(variant) ?? throw new BadInputException("explore needs --variant"),
                parse.GetValue(property) ?? [],
                IntegerText.Parse(parse.GetValue(maxStates)!, "--max-states"),
                IntegerText.Parse(parse.GetValue(threads)!, "--threads"),
                parse.GetValue(format)!,
                parse.GetValue(outDir));
        });
        return command;
    }

    private static int Run(TextWriter output, string scenario, string variant, string[] properties, long maxStates, long threads, string format, string? outDir)
    {
        if (maxStates < 1 || threads is < 1 or > 64)
        {
            throw new BadInputException("--max-states must be at least 1 and --threads between 1 and 64");
        }

        if (ScenarioCatalog.BuiltIn.Find(scenario) is null)
        {
            throw new BadInputException($"unknown scenario '{scenario}'");
        }

        var (world, outcome) = Explore(scenario, variant, properties, new ExploreOptions(maxStates, (int)threads));
        ExpectationSet expectations;
        try
        {
            expectations = ExpectationSet.Load(ExpectationSet.BuiltInPath);
        }
        catch (ExpectationException e)
        {
            throw new BadInputException(e.Message);
        }

        var judged = outcome.Results.Select(r => (Result: r, Expected: expectations.Find(scenario, world.Policy.Name, r.Property, Expectation.Explore))).ToArray();
        var files = new Dictionary<string, string>();
        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
            foreach (var r in outcome.Results.Where(r => r.Counterexample is not null))
            {
                var cex = ExploreCounterexample.Of(scenario, world, r.Property, r.Counterexample!);
                var path = Path.Combine(outDir, cex.FileName());
                File.WriteAllText(path, cex.ToJson());
                files[r.Property] = path;
            }
        }

        output.Write(format == "json"
            ? ExploreJson.Report(scenario, world, outcome, judged, files)
            : ExploreText.Report(scenario, world, outcome, judged, files));
        var unexpected = judged.Where(j => j.Expected is { } e ? e.Verdict != j.Result.Verdict : j.Result.Verdict != Verdict.Holds).ToArray();
        return unexpected.Any(j => j.Result.Verdict != Verdict.Unknown) ? ExitCodes.Failed : unexpected.Length > 0 ? ExitCodes.Inconclusive : ExitCodes.Ok;
    }

    internal static (IExploreWorld World, ExploreOutcome Outcome) Explore(string scenario, string variant, IReadOnlyList<string> properties, ExploreOptions options)
    {
        try
        {
            var world = ExploreSession.World(scenario, variant);
            return (world, ExploreSession.Run(world, properties, options));
        }
        catch (ExploreInputException e)
        {
            throw new BadInputException(e.Message);
        }
    }
}
