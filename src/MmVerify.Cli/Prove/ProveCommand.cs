using System.CommandLine;
using MmVerify.Engine.Smt;
using MmVerify.Specs.Theories;

namespace MmVerify.Cli.Prove;

/// <summary>
/// mmverify prove: runs the SMT theories on z3, saves each query as a standalone .smt2 file, replays every
/// counterexample on the model and compares each verdict with the one the specification expects.
/// </summary>
internal static class ProveCommand
{
    public static Command Create()
    {
        var theory = new Option<string[]>("--theory") { Description = "Theory to prove (repeatable; default: all)" };
        var emit = new Option<string>("--emit-smt") { Description = "Directory for the .smt2 files", DefaultValueFactory = _ => "smt2" };
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var z3 = new Option<string>("--z3") { Description = "The z3 executable", DefaultValueFactory = _ => "z3", Hidden = true };
        var timeout = new Option<int>("--timeout-ms") { Description = "Solver timeout per query", DefaultValueFactory = _ => DefaultTimeoutMs, Hidden = true };

        var command = new Command("prove", "Prove the SMT theories over the model's arithmetic and the kswapd failure-counter machine with z3")
        {
            theory, emit, format, z3, timeout,
        };
        command.SetAction(parse => Run(
            parse,
            parse.GetValue(theory) ?? [],
            parse.GetValue(emit)!,
            parse.GetValue(format)!,
            parse.GetValue(z3)!,
            parse.GetValue(timeout)));
        return command;
    }

    /// <summary>Every query answers well inside this (the slowest takes about 4 s alone, 10-20 s on a loaded machine); a timeout is unknown.</summary>
    public const int DefaultTimeoutMs = ProofRunner.DefaultTimeoutMs;

    private static int Run(ParseResult parse, string[] theories, string emitDir, string format, string z3, int timeoutMs)
    {
        if (timeoutMs < 1)
        {
            throw new BadInputException("--timeout-ms must be at least 1");
        }

        var selected = Select(theories);
        var queries = selected.SelectMany(t => t.Queries).ToList();
        Z3Session session;
        try
        {
            session = new Z3Session(z3, timeoutMs);
        }
        catch (SolverUnavailableException e)
        {
            throw new BadInputException(e.Message);
        }
        catch (SolverException e)
        {
            throw new BadInputException($"z3 does not work: {e.Message}; install it with: apt-get install z3");
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<ProofResult> results;
        using (session)
        {
            try
            {
                results = new ProofRunner(session, emitDir).RunAll(queries);
            }
            catch (SolverException e)
            {
                // A crashing or misbehaving z3 is reported, never turned into verdicts.
                throw new BadInputException($"z3 failed: {e.Message}");
            }
        }

        var report = new ProveReport(results, session.Version, watch.ElapsedMilliseconds);
        var output = parse.InvocationConfiguration.Output;
        output.Write(format == "json" ? report.Json() : report.Text());
        return report.ExitCode;
    }

    private static IReadOnlyList<ITheory> Select(string[] names)
    {
        if (names.Length == 0)
        {
            return TheoryCatalog.All;
        }

        foreach (var name in names)
        {
            if (TheoryCatalog.Find(name) is null)
            {
                throw new BadInputException($"unknown theory '{name}'; known: {string.Join(", ", TheoryCatalog.All.Select(t => t.Name))}");
            }
        }

        // Catalog order, each once, whatever the order on the command line.
        return [.. TheoryCatalog.All.Where(t => names.Contains(t.Name, StringComparer.Ordinal))];
    }
}
