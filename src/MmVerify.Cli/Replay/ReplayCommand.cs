using System.CommandLine;
using MmVerify.Cli.Explore;
using MmVerify.Specs.Counterexamples;

namespace MmVerify.Cli.Replay;

/// <summary>
/// mmverify replay FILE: re-executes a counterexample and shows the kernel-visible state each simulated
/// second and at the failing step. Exit 0 when the recorded violation reproduces, 1 when it no longer does,
/// 2 for a bad file or one recorded by another model version. An explorer counterexample (engine explore) is
/// re-executed on its explicit-state world instead (<see cref="ExploreReplayCommand"/>).
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A counterexample file written by check" };
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "trace", "json");
        var command = new Command("replay", "Re-execute a counterexample and show where the property fails") { file, format };
        command.SetAction(parse => Run(parse, parse.GetValue(file)!, parse.GetValue(format)!));
        return command;
    }

    private static int Run(ParseResult parse, string path, string format)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException($"{path}: no such file");
        }

        var text = File.ReadAllText(path);
        if (CounterexampleReader.IsExplore(text))
        {
            return ExploreReplayCommand.Run(parse.InvocationConfiguration.Output, path, text, format);
        }

        Counterexample counterexample;
        try
        {
            counterexample = CounterexampleReader.Parse(text, path);
        }
        catch (CounterexampleException e)
        {
            throw new BadInputException(e.Message);
        }

        var states = new List<ReplayState>();
        ReplayState? failing = null;
        var seconds = 0;
        var outcome = Replayer.Replay(counterexample, (simulation, isFailing) =>
        {
            // A state per simulated second up to the failure (the tick appends a sample), and the failing step.
            if (simulation.Samples.Count > seconds)
            {
                seconds = simulation.Samples.Count;
                if (failing is null)
                {
                    states.Add(ReplayState.Capture(simulation));
                }
            }

            if (isFailing)
            {
                failing = ReplayState.Capture(simulation);
            }
        });

        var zoneNames = outcome.Run.World.ZonesOf(0).Select(z => z.Name).ToArray();
        var output = parse.InvocationConfiguration.Output;
        output.Write(format switch
        {
            "json" => ReplayReports.Json(path, counterexample, outcome, states, failing),
            "trace" => ReplayReports.Trace(counterexample, outcome, zoneNames),
            _ => ReplayReports.Text(path, counterexample, outcome, states, failing, zoneNames),
        });
        return outcome.Reproduced ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
