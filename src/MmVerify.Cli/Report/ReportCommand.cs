using System.CommandLine;
using System.Text;
using MmVerify.Cli.Compare;
using MmVerify.Cli.Simulate;
using MmVerify.Specs.Gate;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Cli.Report;

/// <summary>
/// mmverify report: run a scenario on a variant (or replay a counterexample file), judge its properties and
/// write one self-contained HTML page with the charts. Exit 0 once written: the report shows verdicts, it
/// does not gate on them (check does); 1 for a counterexample that no longer reproduces, as replay.
/// </summary>
internal static class ReportCommand
{
    public static Command Create() => Create(ScenarioCatalog.BuiltIn);

    public static Command Create(ScenarioCatalog catalog)
    {
        var counterexample = new Option<string?>("--counterexample") { Description = "Counterexample file (from check --out) to replay and draw, its failing step highlighted" };
        var scenario = new Option<string?>("--scenario") { Description = "Scenario id (see: mmverify list scenarios)" };
        var scenarioFile = new Option<string?>("--scenario-file") { Description = "Scenario file (JSON; schema in specs/README.md)" };
        var variant = new Option<string?>("--variant") { Description = "Variant BASELINE[+PATCH]... (with --scenario)" };
        var seconds = new Option<string?>("--seconds") { Description = "Simulated seconds (default: the scenario's duration_s)" };
        var seed = new Option<string?>("--seed") { Description = $"Seed of the workload's randomness (default: {ScenarioSetup.DefaultSeed})" };
        var html = new Option<string>("--html") { Description = "Where to write the HTML report", Required = true };

        var command = new Command("report", "Write an HTML report with charts of a scenario run or a replayed counterexample")
        {
            counterexample, scenario, scenarioFile, variant, seconds, seed, html,
        };
        command.SetAction(parse =>
        {
            var (input, reproduced) = Input(catalog, parse.GetValue(counterexample), parse.GetValue(scenario), parse.GetValue(scenarioFile),
                parse.GetValue(variant), parse.GetValue(seconds), parse.GetValue(seed));
            var path = parse.GetValue(html)!;
            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(ReportHtml.Render(input));
            File.WriteAllBytes(path, bytes);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"wrote {path} ({bytes.Length} bytes)");
            if (!reproduced)
            {
                // As replay: a counterexample that no longer reproduces means the model changed.
                output.WriteLine("the recorded violation no longer reproduces (see the banner)");
                return ExitCodes.Failed;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static (ReportInput Input, bool Reproduced) Input(ScenarioCatalog catalog, string? counterexample, string? scenario, string? scenarioFile, string? variant, string? secondsText, string? seedText)
    {
        if (counterexample is not null)
        {
            if (scenario is not null || scenarioFile is not null || variant is not null || secondsText is not null || seedText is not null)
            {
                throw new BadInputException("give --counterexample FILE or --scenario/--variant, not both (the file fixes scenario, variant, seed and length)");
            }

            return CounterexampleReport.Build(counterexample);
        }

        var runSeconds = RunOptions.Seconds(secondsText);
        var runSeed = RunOptions.Seed(seedText);
        var chosen = ScenarioInput.Resolve(scenario, scenarioFile, catalog);
        var variantName = ScenarioInput.Variant(variant ?? throw new BadInputException("give --variant V with --scenario (or --counterexample FILE)"));
        var properties = SimGate.Applicable(chosen, [variantName], JudgedRun.Expectations());
        var run = ScenarioRunner.Run(chosen, variantName, runSeed, runSeconds ?? chosen.DurationSeconds);
        return (ReportInput.From(run, properties.Select(p => (p.Info.Id, SimGate.Judge(chosen, p, run))).ToArray()), true);
    }
}
