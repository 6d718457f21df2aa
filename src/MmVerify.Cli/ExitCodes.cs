namespace MmVerify.Cli;

/// <summary>The exit codes of the mmverify contract (DESIGN.md), the same for every command.</summary>
public static class ExitCodes
{
    /// <summary>All verdicts as expected; for watermarks: every compared value equal.</summary>
    public const int Ok = 0;

    /// <summary>A violation or an unexpected verdict; for watermarks: a mismatch.</summary>
    public const int Failed = 1;

    /// <summary>Bad usage or bad input: one line on stderr, no stack trace.</summary>
    public const int BadInput = 2;

    /// <summary>Inconclusive (solver unknown, budget exhausted) where a verdict was required.</summary>
    public const int Inconclusive = 3;

    /// <summary>
    /// A bug in mmverify itself. The contract has no code for it; 70 (EX_SOFTWARE of sysexits.h) keeps
    /// it apart from a verdict, from bad input and from "unknown".
    /// </summary>
    public const int InternalError = 70;
}
