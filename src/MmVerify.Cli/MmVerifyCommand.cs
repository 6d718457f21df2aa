using System.CommandLine;
using MmVerify.Cli.CaughtBy;
using MmVerify.Cli.Check;
using MmVerify.Cli.Compare;
using MmVerify.Cli.Conform;
using MmVerify.Cli.Explore;
using MmVerify.Cli.List;
using MmVerify.Cli.Prove;
using MmVerify.Cli.Replay;
using MmVerify.Cli.Report;
using MmVerify.Cli.Simulate;
using MmVerify.Cli.Watermarks;

namespace MmVerify.Cli;

/// <summary>The root command: the subcommands of the DESIGN.md contract implemented so far, and caught-by (the historical-bug matrix).</summary>
internal static class MmVerifyCommand
{
    public static RootCommand Create() => new("mmverify: an executable specification of the Linux page allocator, watermarks and kswapd")
    {
        CaughtByCommand.Create(),
        CheckCommand.Create(),
        CompareCommand.Create(),
        ConformCommand.Create(),
        ExploreCommand.Create(),
        ListCommand.Create(),
        ProveCommand.Create(),
        ReplayCommand.Create(),
        ReportCommand.Create(),
        SimulateCommand.Create(),
        WatermarksCommand.Create(),
    };
}
