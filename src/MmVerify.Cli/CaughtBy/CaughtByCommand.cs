using System.CommandLine;
using MmVerify.Engine.Smt;
using MmVerify.Model.Variants;
using MmVerify.Specs.CaughtBy;
using MmVerify.Specs.Scenarios;
using MmVerify.Specs.Theories;

namespace MmVerify.Cli.CaughtBy;

/// <summary>
/// mmverify caught-by: runs every historical bug (linux-7.2+bug-...) and the linux-7.2 baseline through the
/// engines and reports, per (bug, engine, property), whether the bug was caught. With --out DIR it writes
/// DIR/caught-by.md and DIR/caught-by.json (the committed copy lives in mutation/). Exit 0 when every selected
/// bug is caught by at least one selected engine or has a recorded gap (BugTargets), 1 otherwise (or when a bug
/// with a recorded gap is caught: the record is stale), 2 on bad input.
/// </summary>
internal static class CaughtByCommand
{
    public static Command Create()
    {
        var bug = new Option<string[]>("--bug") { Description = "Historical bug (repeatable; default: all)" };
        var engine = new Option<string[]>("--engine") { Description = "Engine (repeatable; default: sim, pbt, explore, smt)" };
        engine.AcceptOnlyFromAmong([.. CaughtByEngines.All]);
        var budget = new Option<string>("--budget") { Description = "Effort", DefaultValueFactory = _ => "standard" };
        budget.AcceptOnlyFromAmong("quick", "standard");
        var seed = new Option<string?>("--seed") { Description = "Seed for the runs and generated workloads" };
        var format = new Option<string>("--format") { Description = "Output format on stdout", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("markdown", "json");
        var outDir = new Option<string?>("--out") { Description = "Also write caught-by.md and caught-by.json into this directory" };

        var command = new Command("caught-by", "Which engine catches which historical kernel bug (variant x engine x property)")
        {
            bug, engine, budget, seed, format, outDir,
        };
        command.SetAction(parse => Run(
            parse.InvocationConfiguration.Output,
            parse.GetValue(bug) ?? [],
            parse.GetValue(engine) ?? [],
            parse.GetValue(budget)!,
            parse.GetValue(seed),
            parse.GetValue(format)!,
            parse.GetValue(outDir)));
        return command;
    }

    private static int Run(TextWriter output, string[] bugs, string[] engines, string budget, string? seedText, string format, string? outDir)
    {
        foreach (var name in bugs)
        {
            if (HistoricalBugs.Find(name) is null)
            {
                throw new BadInputException($"unknown historical bug '{name}' (known: {string.Join(", ", HistoricalBugs.All.Select(b => b.Name))})");
            }
        }

        var seed = seedText is null ? ScenarioSetup.DefaultSeed : (ulong)IntegerText.Parse(seedText, "--seed");
        // The queries go to a temporary directory (mmverify prove --emit-smt writes them where asked).
        var request = new CaughtByRequest(bugs, engines, budget, seed);
        var progress = Console.IsErrorRedirected ? null : (Action<string>)(m => Console.Error.WriteLine($"... {m}"));
        var matrix = CaughtByRunner.Run(request, () => new Z3Session(timeoutMs: ProofRunner.DefaultTimeoutMs), progress);

        var command = string.Join(' ', new[] { "mmverify caught-by", $"--budget {budget}", $"--seed {seed}" }
            .Concat(bugs.Select(b => $"--bug {b}")).Concat(engines.Select(e => $"--engine {e}")));
        var markdown = CaughtByReport.Markdown(matrix, command);
        var json = CaughtByReport.Json(matrix);
        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
            File.WriteAllText(Path.Combine(outDir, "caught-by.md"), markdown);
            File.WriteAllText(Path.Combine(outDir, "caught-by.json"), json);
        }

        output.Write(format == "json" ? json : markdown);
        return matrix.Unexplained.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
