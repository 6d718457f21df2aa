namespace MmVerify.Specs.CaughtBy;

/// <summary>The engines of the matrix, in report order, and what each runs.</summary>
public static class CaughtByEngines
{
    public const string Sim = "sim";
    public const string Pbt = "pbt";
    public const string Explore = "explore";
    public const string Smt = "smt";

    public static IReadOnlyList<string> All { get; } = [Sim, Pbt, Explore, Smt];

    public static string What(string engine) => engine switch
    {
        Sim => "simulation of each target scenario's full form, every run property judged",
        Pbt => "FsCheck workloads generated from each target scenario's small form, every run property judged, failures shrunk",
        Explore => "exhaustive search of the explicit-state worlds of the target scenarios that have one",
        _ => "the SMT theories that encode the bug's policy point (z3)",
    };
}
