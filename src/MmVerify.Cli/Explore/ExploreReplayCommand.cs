using MmVerify.Specs.Explore;

namespace MmVerify.Cli.Explore;

/// <summary>explore --replay FILE: re-executes the action list on the explicit world; 0 reproduced, 1 not, 2 bad file.</summary>
internal static class ExploreReplayCommand
{
    public static int Run(TextWriter output, string file, string format)
    {
        ExploreReplay replay;
        try
        {
            replay = ExploreReplayer.Replay(ExploreCounterexample.Read(file));
        }
        catch (ExploreInputException e)
        {
            throw new BadInputException(e.Message);
        }

        output.Write(format == "json"
            ? ExploreJson.Replay(replay)
            : $"{(replay.Reproduced ? "reproduced" : "not reproduced")}: {replay.Reason}\n" + ExploreText.Trace(replay.World, replay.Trace));
        return replay.Reproduced ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
