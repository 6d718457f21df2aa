using System.Diagnostics;
using MmVerify.Engine.Smt;

namespace MmVerify.Specs.Theories;

/// <summary>
/// Runs theory queries on one z3 session: writes each query as a standalone .smt2 file, asks the solver,
/// and replays every counterexample on the C# model.
/// </summary>
public sealed class ProofRunner(Z3Session session, string emitDirectory)
{
    public const string Header = "mmverify prove: SMT-LIB2 query, generated from specs/MmVerify.Specs/Theories";

    /// <summary>The solver timeout per query: the slowest query takes about 4 s alone and 10-20 s on a machine loaded 3x over.</summary>
    public const int DefaultTimeoutMs = 60_000;

    public ProofResult Run(TheoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var smt = query.Build();
        var path = Path.Combine(emitDirectory, query.Theory, query.Name + ".smt2");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, smt.Script($"{Header}\n{query.Id} [{query.PropertyId}]: {query.Statement}\nexpected: {Verdicts.Name(query.Expected)}"));

        var watch = Stopwatch.StartNew();
        var outcome = session.Check(smt);
        var confirmed = false;
        string? note = outcome.ReasonUnknown;
        if (outcome.Verdict == SolverVerdict.Counterexample)
        {
            var replay = query.Replay(outcome);
            confirmed = replay.Confirmed;
            note = replay.Note;
        }

        return new ProofResult(query, outcome.Verdict, outcome.Model, confirmed, note, path, watch.ElapsedMilliseconds);
    }

    public IReadOnlyList<ProofResult> RunAll(IEnumerable<TheoryQuery> queries) => [.. queries.Select(Run)];
}

/// <summary>The names of verdicts in reports.</summary>
public static class Verdicts
{
    public static string Name(SolverVerdict v) => v switch
    {
        SolverVerdict.Proved => "proved",
        SolverVerdict.Counterexample => "counterexample",
        _ => "unknown",
    };
}
