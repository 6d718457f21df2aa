using System.CommandLine;
using MmVerify.Cli.Check;
using MmVerify.Cli.List;
using MmVerify.Cli.Prove;
using MmVerify.Cli.Simulate;
using MmVerify.Cli.Watermarks;

namespace MmVerify.Cli;

/// <summary>The root command: the subcommands of the DESIGN.md contract implemented so far.</summary>
internal static class MmVerifyCommand
{
    public static RootCommand Create() => new("mmverify: an executable specification of the Linux page allocator, watermarks and kswapd")
    {
        CheckCommand.Create(),
        ListCommand.Create(),
        ProveCommand.Create(),
        SimulateCommand.Create(),
        WatermarksCommand.Create(),
    };
}
