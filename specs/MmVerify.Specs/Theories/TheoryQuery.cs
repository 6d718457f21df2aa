using MmVerify.Engine.Smt;

namespace MmVerify.Specs.Theories;

/// <summary>What replaying a counterexample on the C# model showed.</summary>
public sealed record ReplayResult(bool Confirmed, string Note)
{
    public static ReplayResult Yes(string note) => new(true, note);

    public static ReplayResult No(string note) => new(false, note);
}

/// <summary>
/// One named query of a theory: the SMT question, the verdict the specification expects (with why), the
/// DESIGN property it bears on, and how a counterexample is replayed on the model.
/// </summary>
public sealed record TheoryQuery(
    string Theory,
    string Name,
    string PropertyId,
    string Statement,
    SolverVerdict Expected,
    string Why,
    Func<SmtQuery> Build,
    Func<SolverOutcome, ReplayResult> Replay)
{
    public string Id => $"{Theory}/{Name}";

    /// <summary>The variant whose code the query is about (a baseline for mainline arithmetic).</summary>
    public string Variant { get; init; } = "linux-7.2";
}

/// <summary>A set of named queries about one part of the model.</summary>
public interface ITheory
{
    string Name { get; }

    string Summary { get; }

    IReadOnlyList<TheoryQuery> Queries { get; }
}
