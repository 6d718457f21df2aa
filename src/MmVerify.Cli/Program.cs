using System.CommandLine;
using System.CommandLine.Help;
using MmVerify.ProcFs;

namespace MmVerify.Cli;

/// <summary>The mmverify entry point. Run is the testable form of Main: no Console, no process exit.</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            var parse = MmVerifyCommand.Create().Parse(args);

            // System.CommandLine would print every error plus the whole help text; the contract wants one line.
            // --help still wins over errors (e.g. "watermarks --help" without the required --zoneinfo).
            if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
            {
                var messages = parse.Errors.Select(e => e.Message).Distinct();
                return Report(stderr, string.Join(" ", messages), ExitCodes.BadInput);
            }

            return parse.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                // Our handler below, not the library's multi-line dump with a stack trace.
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e) when (IsBadInput(e))
        {
            return Report(stderr, e.Message, ExitCodes.BadInput);
        }
        catch (Exception e)
        {
            return Report(stderr, $"internal error: {e.GetType().Name}: {e.Message}", ExitCodes.InternalError);
        }
    }

    internal static bool IsBadInput(Exception e) => e is BadInputException
        or ProcFormatException
        or IOException
        or UnauthorizedAccessException
        or ArgumentException
        or FormatException
        or OverflowException;

    private static int Report(TextWriter stderr, string message, int exitCode)
    {
        stderr.WriteLine($"mmverify: {OneLine(message)}");
        return exitCode;
    }

    /// <summary>Exception messages may span lines; stderr gets exactly one.</summary>
    internal static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
