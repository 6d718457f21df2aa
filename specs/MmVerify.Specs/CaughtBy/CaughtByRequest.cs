namespace MmVerify.Specs.CaughtBy;

/// <summary>What to run: the bugs and engines (empty: all), the budget (quick or standard) and the seed.</summary>
public sealed record CaughtByRequest(IReadOnlyList<string> Bugs, IReadOnlyList<string> Engines, string Budget, ulong Seed)
{
    /// <summary>Worker threads for simulation and PBT; the matrix does not depend on it.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Where the SMT queries are written (.smt2).</summary>
    public string SmtDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "mmverify-caught-by-smt2");
}
