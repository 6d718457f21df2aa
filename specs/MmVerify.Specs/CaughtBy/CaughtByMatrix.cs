using MmVerify.Model.Variants;

namespace MmVerify.Specs.CaughtBy;

/// <summary>The caught-by matrix: every (bug, engine, property) cell, and how it was produced.</summary>
public sealed record CaughtByMatrix(IReadOnlyList<HistoricalBug> Bugs, IReadOnlyList<string> Engines, IReadOnlyList<CaughtByCell> Cells, string Budget, ulong Seed)
{
    public const string Baseline = VariantCatalog.DefaultBaseline;

    /// <summary>The engines that caught the bug on at least one property.</summary>
    public IReadOnlyList<string> CaughtBy(HistoricalBug bug) =>
        [.. Engines.Where(e => Cells.Any(c => c.Bug == bug.Name && c.Engine == e && c.Outcome == CaughtOutcome.Caught))];

    /// <summary>The outcome of an engine on a bug over all its properties (caught if any property caught it).</summary>
    public CaughtOutcome Outcome(HistoricalBug bug, string engine) =>
        CaughtOutcomes.Combine(Cells.Where(c => c.Bug == bug.Name && c.Engine == engine).Select(c => c.Outcome));

    public IEnumerable<CaughtByCell> Of(HistoricalBug bug, string engine) => Cells.Where(c => c.Bug == bug.Name && c.Engine == engine);

    public IReadOnlyList<HistoricalBug> Uncaught => [.. Bugs.Where(b => CaughtBy(b).Count == 0)];

    /// <summary>Bugs caught by no engine without a recorded gap, and bugs with a recorded gap that are caught now.</summary>
    public IReadOnlyList<HistoricalBug> Unexplained =>
        [.. Bugs.Where(b => (CaughtBy(b).Count == 0) != (BugTargets.Gap(b) is not null))];
}
