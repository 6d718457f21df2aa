using MmVerify.Specs.Explore;

namespace MmVerify.Cli.Explore;

/// <summary>
/// replay FILE for an explorer counterexample: re-executes the action list on the explicit world and re-judges
/// the property; 0 reproduced, 1 not (or differs from the record), 2 bad file. text: verdict line and the
/// states; trace: the states only; json: {reproduced, reason, trace}.
/// </summary>
internal static class ExploreReplayCommand
{
    public static int Run(TextWriter output, string file, string text, string format)
    {
        ExploreReplay replay;
        try
        {
            replay = ExploreReplayer.Replay(ExploreCounterexample.Parse(text, file));
        }
        catch (ExploreInputException e)
        {
            throw new BadInputException(e.Message);
        }

        output.Write(format switch
        {
            "json" => ExploreJson.Replay(replay),
            "trace" => ExploreText.Trace(replay.World, replay.Trace),
            _ => $"{(replay.Reproduced ? "reproduced" : "not reproduced")}: {replay.Reason}\n" + ExploreText.Trace(replay.World, replay.Trace),
        });
        return replay.Reproduced ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
