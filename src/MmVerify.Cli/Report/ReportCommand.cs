using System.CommandLine;
using System.Text;
using MmVerify.Cli.Compare;
using MmVerify.Cli.Simulate;
using MmVerify.Specs.Gate;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Cli.Report;

/// <summary>
/// mmverify report: run a scenario on a variant, judge its properties and write one self-contained HTML
/// page with the charts. --counterexample is refused until counterexample files exist (issue 4).
/// Exit 0 once written: the report shows verdicts, it does not gate on them (check does).
/// </summary>
internal static class ReportCommand
{
    public static Command Create() => Create(ScenarioCatalog.BuiltIn);

    public static Command Create(ScenarioCatalog catalog)
    {
        var counterexample = new Option<string?>("--counterexample") { Description = "Counterexample file to replay and draw (not available yet)" };
        var scenario = new Option<string?>("--scenario") { Description = "Scenario id (see: mmverify list scenarios)" };
        var scenarioFile = new Option<string?>("--scenario-file") { Description = "Scenario file (JSON; schema in specs/README.md)" };
        var variant = new Option<string?>("--variant") { Description = "Variant BASELINE[+PATCH]... (with --scenario)" };
        var seconds = new Option<string?>("--seconds") { Description = "Simulated seconds (default: the scenario's duration_s)" };
        var seed = new Option<string?>("--seed") { Description = $"Seed of the workload's randomness (default: {ScenarioSetup.DefaultSeed})" };
        var html = new Option<string>("--html") { Description = "Where to write the HTML report", Required = true };

        var command = new Command("report", "Write an HTML report with charts of a scenario run (or, later, a counterexample)")
        {
            counterexample, scenario, scenarioFile, variant, seconds, seed, html,
        };
        command.SetAction(parse =>
        {
            var input = Input(parse, catalog, parse.GetValue(counterexample), parse.GetValue(scenario), parse.GetValue(scenarioFile),
                parse.GetValue(variant), parse.GetValue(seconds), parse.GetValue(seed));
            var path = parse.GetValue(html)!;
            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(ReportHtml.Render(input));
            File.WriteAllBytes(path, bytes);
            parse.InvocationConfiguration.Output.WriteLine($"wrote {path} ({bytes.Length} bytes)");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static ReportInput Input(ParseResult parse, ScenarioCatalog catalog, string? counterexample, string? scenario, string? scenarioFile, string? variant, string? secondsText, string? seedText)
    {
        if (counterexample is not null)
        {
            if (scenario is not null || scenarioFile is not null || variant is not null)
            {
                throw new BadInputException("give --counterexample FILE or --scenario/--variant, not both");
            }

            throw new BadInputException("--counterexample: not available yet (counterexample files arrive with issue 4); use --scenario S --variant V");
        }

        var runSeconds = RunOptions.Seconds(secondsText);
        var runSeed = RunOptions.Seed(seedText);
        var chosen = ScenarioInput.Resolve(scenario, scenarioFile, catalog);
        var variantName = ScenarioInput.Variant(variant ?? throw new BadInputException("give --variant V with --scenario (or --counterexample FILE)"));
        var properties = SimGate.Applicable(chosen, [variantName], JudgedRun.Expectations());
        var run = ScenarioRunner.Run(chosen, variantName, runSeed, runSeconds ?? chosen.DurationSeconds);
        return ReportInput.From(run, properties.Select(p => (p.Info.Id, SimGate.Judge(chosen, p, run))).ToArray());
    }
}
