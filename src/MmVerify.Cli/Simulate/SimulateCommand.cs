using System.CommandLine;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Cli.Simulate;

/// <summary>
/// mmverify simulate: run one scenario on one variant for N simulated seconds and print the per-second
/// monitor (text) or the samples and counters (json). A run is a function of its inputs, byte for byte.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create() => Create(ScenarioCatalog.BuiltIn);

    /// <summary>With another catalog for --scenario (tests use their own scenario directory).</summary>
    public static Command Create(ScenarioCatalog catalog)
    {
        var scenario = new Option<string?>("--scenario") { Description = "Scenario id (see: mmverify list scenarios)" };
        var scenarioFile = new Option<string?>("--scenario-file") { Description = "Scenario file (JSON; schema in specs/README.md)" };
        var variant = new Option<string>("--variant") { Description = "Variant BASELINE[+PATCH]... (see: mmverify list variants)", Required = true };
        var seconds = new Option<string?>("--seconds") { Description = "Simulated seconds, 1..86400 (default: the scenario's duration_s)" };
        var seed = new Option<string?>("--seed") { Description = $"Seed of the workload's randomness (default: {ScenarioSetup.DefaultSeed})" };
        var trace = new Option<bool>("--trace") { Description = "Also print the trace events as trace-cmd lines" };
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("simulate", "Run a scenario on a variant and print the per-second monitor")
        {
            scenario, scenarioFile, variant, seconds, seed, trace, format,
        };
        command.SetAction(parse =>
        {
            // Options first, then the scenario file, then the variant: cheap refusals before any I/O.
            var runSeconds = RunOptions.Seconds(parse.GetValue(seconds));
            var runSeed = RunOptions.Seed(parse.GetValue(seed));
            var chosen = ScenarioInput.Resolve(parse.GetValue(scenario), parse.GetValue(scenarioFile), catalog);
            var variantName = ScenarioInput.Variant(parse.GetValue(variant)!);

            var run = SimulationRun.Execute(chosen, variantName, runSeed, runSeconds, parse.GetValue(trace));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json")
            {
                SimulateJson.Write(run, output);
            }
            else
            {
                MonitorText.Write(run, output);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
