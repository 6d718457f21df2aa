namespace MmVerify.Cli.Tests;

/// <summary>What one mmverify invocation produced, captured through Program.Run.</summary>
internal sealed record CliResult(int Exit, string Out, string Err)
{
    public string[] ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

internal static class CliRun
{
    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exit = Program.Run(args, stdout, stderr);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }
}
