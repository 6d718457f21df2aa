using System.Text.Json;
using MmVerify.Engine.Properties;
using MmVerify.Model.Variants;
using MmVerify.Specs.CaughtBy;

namespace MmVerify.Specs.Tests.CaughtBy;

/// <summary>
/// The caught-by matrix: the outcome rule, a slice run through a real engine, and the committed
/// mutation/caught-by.json against the bug catalog and a fresh explore run.
/// </summary>
public class CaughtByTests
{
    private static readonly Lazy<CaughtByMatrix> ExploreSlice = new(() =>
        CaughtByRunner.Run(new CaughtByRequest([], [CaughtByEngines.Explore], "standard", 1), solver: null));

    [Theory]
    [InlineData(Verdict.Violated, Verdict.Holds, CaughtOutcome.Caught)]
    [InlineData(Verdict.Holds, Verdict.Holds, CaughtOutcome.NotCaught)]
    [InlineData(Verdict.Violated, Verdict.Violated, CaughtOutcome.BaselineViolated)]
    [InlineData(Verdict.Holds, Verdict.Violated, CaughtOutcome.BaselineViolated)]
    [InlineData(Verdict.Violated, Verdict.Unknown, CaughtOutcome.Unknown)]
    [InlineData(Verdict.Unknown, Verdict.Holds, CaughtOutcome.Unknown)]
    public void A_bug_is_caught_only_where_it_violates_what_the_baseline_holds(Verdict bug, Verdict baseline, CaughtOutcome expected)
    {
        Assert.Equal(expected, CaughtOutcomes.Classify(bug, baseline));
    }

    [Fact]
    public void The_explorer_catches_the_reset_on_any_progress_bug_by_searching_its_world()
    {
        var m = CaughtByRunner.Run(new CaughtByRequest(["bug-reset-on-any-progress"], [CaughtByEngines.Explore], "standard", 1), solver: null);

        var bug = Assert.Single(m.Bugs);
        Assert.Equal("bug-reset-on-any-progress", bug.Name);
        var cell = Assert.Single(m.Cells, c => c.Property == "kswapd.reset-when-balanced");
        Assert.Equal(CaughtOutcome.Caught, cell.Outcome);
        var j = Assert.Single(cell.Judgements);
        Assert.Equal((Verdict.Violated, Verdict.Holds), (j.Bug, j.Baseline));
        Assert.Equal([CaughtByEngines.Explore], m.CaughtBy(bug));
    }

    [Fact]
    public void An_engine_without_a_model_of_the_bug_says_not_applicable()
    {
        // No theory encodes compact_gap, so the SMT engine has nothing to run for this bug (and needs no z3).
        var m = CaughtByRunner.Run(new CaughtByRequest(["bug-uncapped-compact-gap"], [CaughtByEngines.Smt], "standard", 1), solver: null);
        var bug = HistoricalBugs.Find("bug-uncapped-compact-gap")!;

        var cell = Assert.Single(m.Of(bug, CaughtByEngines.Smt));
        Assert.Equal(CaughtOutcome.NotApplicable, cell.Outcome);
        Assert.Contains("no theory encodes", cell.NotApplicableWhy, StringComparison.Ordinal);
    }

    [Fact]
    public void The_committed_matrix_covers_every_bug_and_each_is_caught_or_its_gap_recorded()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Committed));
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(CaughtByEngines.All, root.GetProperty("engines").EnumerateArray().Select(e => e.GetString()));
        var bugs = root.GetProperty("bugs").EnumerateArray().ToArray();
        Assert.Equal(HistoricalBugs.All.Select(b => b.Name), bugs.Select(b => b.GetProperty("name").GetString()));
        // Caught by some engine, or the reason it is not is recorded (and a recorded gap is not stale).
        foreach (var b in bugs)
        {
            var gap = BugTargets.Gap(HistoricalBugs.Find(b.GetProperty("name").GetString()!)!);
            Assert.Equal(gap is null, b.GetProperty("caught_by").GetArrayLength() > 0);
        }

        // Every cell names a known bug and engine, and "caught" cells say where.
        foreach (var c in root.GetProperty("cells").EnumerateArray())
        {
            Assert.Contains(c.GetProperty("bug").GetString(), HistoricalBugs.All.Select(b => b.Name));
            Assert.Contains(c.GetProperty("engine").GetString(), CaughtByEngines.All);
            if (c.GetProperty("outcome").GetString() == "caught")
            {
                Assert.Contains(c.GetProperty("judgements").EnumerateArray(), j => j.GetProperty("outcome").GetString() == "caught");
            }
        }
    }

    [Fact]
    public void The_committed_matrix_agrees_with_a_fresh_explore_run()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Committed));
        var committed = doc.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("engine").GetString() == CaughtByEngines.Explore)
            .Select(c => (c.GetProperty("bug").GetString() ?? "", c.GetProperty("property").GetString() ?? "", c.GetProperty("outcome").GetString() ?? ""))
            .ToArray();
        var fresh = ExploreSlice.Value.Cells.Select(c => (c.Bug, c.Property, CaughtOutcomes.Name(c.Outcome))).ToArray();

        Assert.Equal(fresh, committed);
    }

    [Fact]
    public void The_report_bytes_are_the_same_for_the_same_run()
    {
        var m = ExploreSlice.Value;

        Assert.Equal(CaughtByReport.Json(m), CaughtByReport.Json(m));
        Assert.Equal(CaughtByReport.Json(m), CaughtByReport.Json(CaughtByRunner.Run(new CaughtByRequest([], [CaughtByEngines.Explore], "standard", 1), solver: null)));
        Assert.Contains("| `bug-reset-on-any-progress` | explore | kswapd.reset-when-balanced |", CaughtByReport.Markdown(m, "test"), StringComparison.Ordinal);
    }

    private static string Committed => Path.Combine(AppContext.BaseDirectory, "mutation", "caught-by.json");
}
