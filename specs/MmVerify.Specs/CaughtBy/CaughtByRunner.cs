using MmVerify.Engine.Explore;
using MmVerify.Engine.Properties;
using MmVerify.Engine.Smt;
using MmVerify.Model.Variants;
using MmVerify.Specs.Explore;
using MmVerify.Specs.Gate;
using MmVerify.Specs.Pbt;
using MmVerify.Specs.Scenarios;
using MmVerify.Specs.Theories;

namespace MmVerify.Specs.CaughtBy;

/// <summary>
/// Runs the historical bugs and the linux-7.2 baseline through the engines with the gate's own code (the same
/// scenario runs, property judges, PBT checks, explorer worlds and theory queries as `mmverify check`) and sets
/// each bug verdict against the baseline's. No verdict is written down here: every cell comes from a run.
/// </summary>
public static class CaughtByRunner
{
    private const string All = "*";

    /// <summary>The theories that encode policy points, with their queries about any variant.</summary>
    private static readonly (IReadOnlyList<PolicyPoint> Points, Func<string, IReadOnlyList<TheoryQuery>> Queries)[] Encodings =
    [
        (KswapdCounterTheory.EncodedPoints, KswapdCounterTheory.QueriesFor),
        (AtomicBoostTheory.EncodedPoints, AtomicBoostTheory.QueriesFor),
    ];

    public static IReadOnlyList<HistoricalBug> Select(IReadOnlyList<string> names) =>
        names.Count == 0 ? HistoricalBugs.All : [.. HistoricalBugs.All.Where(b => names.Contains(b.Name))];

    /// <summary>Runs the request. <paramref name="solver"/> opens a z3 session (null: SMT cells are unknown).</summary>
    public static CaughtByMatrix Run(CaughtByRequest request, Func<Z3Session>? solver, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bugs = Select(request.Bugs);
        var engines = request.Engines.Count == 0 ? CaughtByEngines.All : [.. CaughtByEngines.All.Where(request.Engines.Contains)];
        var cells = new List<CaughtByCell>();
        foreach (var engine in engines)
        {
            progress?.Invoke($"{engine}: {CaughtByEngines.What(engine)}");
            cells.AddRange(engine switch
            {
                CaughtByEngines.Sim => Sim(request, bugs, ScenarioCatalog.BuiltIn, CaughtByEngines.Sim, progress),
                CaughtByEngines.Pbt => Sim(request, bugs, PbtGate.SmallForms, CaughtByEngines.Pbt, progress),
                CaughtByEngines.Explore => Explore(bugs),
                _ => Smt(request, bugs, solver),
            });
        }

        return new CaughtByMatrix(bugs, engines, cells, request.Budget, request.Seed);
    }

    // Simulation (full forms) or PBT (small forms): one job per (scenario, variant); the baseline runs once per scenario.
    private static IEnumerable<CaughtByCell> Sim(CaughtByRequest request, IReadOnlyList<HistoricalBug> bugs, ScenarioCatalog catalog, string engine, Action<string>? progress)
    {
        var jobs = bugs.SelectMany(b => BugTargets.For(b).SelectMany(s => new[] { (s, CaughtByMatrix.Baseline), (s, b.Variant) }))
            .Distinct().ToArray();
        var verdicts = GateWorkers.Map(jobs, request.Workers, job =>
        {
            var scenario = catalog.Find(job.Item1) ?? throw new InvalidOperationException($"no scenario '{job.Item1}' in {catalog.Directory}");
            progress?.Invoke($"{engine}: {scenario.Id} / {job.Item2}");
            return (IReadOnlyList<(string, string, Dictionary<string, (Verdict, string)>)>)[(job.Item1, job.Item2, engine == CaughtByEngines.Sim ? SimVerdicts(scenario, job.Item2, request) : PbtVerdicts(scenario, job.Item2, request))];
        }).ToDictionary(r => (r.Item1, r.Item2), r => r.Item3);

        foreach (var bug in bugs)
        {
            foreach (var property in PropertyCatalog.RunProperties.Select(p => p.Info.Id))
            {
                var judgements = BugTargets.For(bug).Select(s =>
                {
                    var (b, why) = verdicts[(s, bug.Variant)][property];
                    var (baseline, _) = verdicts[(s, CaughtByMatrix.Baseline)][property];
                    return new CaughtByJudgement(s, b, baseline, why);
                }).ToArray();
                yield return new CaughtByCell(bug.Name, engine, property, judgements);
            }
        }
    }

    private static Dictionary<string, (Verdict, string)> SimVerdicts(Scenario scenario, string variant, CaughtByRequest request)
    {
        var run = ScenarioRunner.Run(scenario, variant, request.Seed, SimGate.Seconds(scenario, request.Budget));
        return PropertyCatalog.RunProperties.ToDictionary(p => p.Info.Id, p => SimGate.Judge(scenario, p, run) is var r ? (r.Verdict, r.Reason) : default);
    }

    private static Dictionary<string, (Verdict, string)> PbtVerdicts(Scenario scenario, string variant, CaughtByRequest request)
    {
        // A caught-or-not verdict does not need the minimal counterexample: no shrinking (mmverify check shrinks).
        var budget = PbtBudget.For(request.Budget) with { MaxShrinkRuns = 0 };
        var runs = new RunCache(budget.MaxTests);
        return PropertyCatalog.RunProperties.ToDictionary(p => p.Info.Id, p => PbtGate.Check(scenario, variant, p, request.Seed, budget, runs) is var c ? (c.Verdict, c.Reason) : default);
    }

    // The explorer: the worlds of the bug's target scenarios (S3's kswapd world, S6's defrag world).
    private static IEnumerable<CaughtByCell> Explore(IReadOnlyList<HistoricalBug> bugs)
    {
        var baseline = new Dictionary<string, IReadOnlyDictionary<string, ExploreResult>>(StringComparer.Ordinal);
        IReadOnlyDictionary<string, ExploreResult> Search(string scenario, string variant) =>
            ExploreSession.Run(ExploreSession.World(scenario, variant), [], new ExploreOptions()).Results.ToDictionary(r => r.Property);

        foreach (var bug in bugs)
        {
            var worlds = BugTargets.For(bug).Where(ExploreSession.Scenarios.Contains).ToArray();
            if (worlds.Length == 0)
            {
                yield return new CaughtByCell(bug.Name, CaughtByEngines.Explore, All, [], $"no target scenario has an explicit-state world ({string.Join(", ", ExploreSession.Scenarios)} do)");
                continue;
            }

            var judged = new Dictionary<string, List<CaughtByJudgement>>(StringComparer.Ordinal);
            foreach (var scenario in worlds)
            {
                if (!baseline.TryGetValue(scenario, out var b))
                {
                    baseline[scenario] = b = Search(scenario, CaughtByMatrix.Baseline);
                }

                foreach (var (property, r) in Search(scenario, bug.Variant))
                {
                    var why = r.Verdict switch
                    {
                        Verdict.Violated when r.Counterexample!.IsLasso => $"fair lasso: {r.Counterexample.LoopStart} steps to a cycle of {r.Counterexample.Actions.Count - r.Counterexample.LoopStart}",
                        Verdict.Violated => $"shortest counterexample: {r.Counterexample!.Actions.Count} steps",
                        Verdict.Holds => "complete search",
                        _ => "incomplete search",
                    };
                    (judged.TryGetValue(property, out var list) ? list : judged[property] = []).Add(new(scenario, r.Verdict, b[property].Verdict, why));
                }
            }

            foreach (var (property, list) in judged.OrderBy(j => j.Key, StringComparer.Ordinal))
            {
                yield return new CaughtByCell(bug.Name, CaughtByEngines.Explore, property, list);
            }
        }
    }

    // SMT: the theories that encode the bug's policy point (kswapd-counter, atomic-boost), query by query against the baseline's.
    private static IEnumerable<CaughtByCell> Smt(CaughtByRequest request, IReadOnlyList<HistoricalBug> bugs, Func<Z3Session>? solver)
    {
        var cells = new List<CaughtByCell>();
        Z3Session? session = null;
        string? unavailable = solver is null ? "no solver" : null;
        try
        {
            var baseline = new Dictionary<string, Verdict>(StringComparer.Ordinal);
            foreach (var bug in bugs)
            {
                var encodings = Encodings.Where(e => bug.Patch.Points.Any(e.Points.Contains)).ToArray();
                if (encodings.Length == 0)
                {
                    var encoded = Encodings.SelectMany(e => e.Points).Select(KebabCase.Name);
                    cells.Add(new CaughtByCell(bug.Name, CaughtByEngines.Smt, All, [], $"no theory encodes {string.Join(", ", bug.Patch.Points.Select(KebabCase.Name))} (the theories encode {string.Join(", ", encoded)})"));
                    continue;
                }

                var judged = new Dictionary<string, List<CaughtByJudgement>>(StringComparer.Ordinal);
                foreach (var (q, queriesFor) in encodings.SelectMany(e => e.Queries(bug.Variant).Select(q => (q, e.Queries))))
                {
                    var suffix = q.Name[(bug.Variant.Length + 1)..];
                    Verdict v = Verdict.Unknown, b = Verdict.Unknown;
                    var why = unavailable ?? string.Empty;
                    if (unavailable is null)
                    {
                        try
                        {
                            session ??= solver!();
                            var runner = new ProofRunner(session, request.SmtDirectory);
                            var r = SmtGate.ToGate(runner.Run(q), request.Seed);
                            (v, why) = (r.Verdict, r.Reason);
                            if (!baseline.TryGetValue($"{q.Theory}/{suffix}", out b))
                            {
                                var bq = queriesFor(CaughtByMatrix.Baseline).Single(x => x.Name == $"{CaughtByMatrix.Baseline}.{suffix}");
                                baseline[$"{q.Theory}/{suffix}"] = b = SmtGate.ToGate(runner.Run(bq), request.Seed).Verdict;
                            }
                        }
                        catch (Exception e) when (e is SolverException or SolverUnavailableException)
                        {
                            unavailable = $"z3: {e.Message}";
                            why = unavailable;
                        }
                    }

                    (judged.TryGetValue(q.PropertyId, out var list) ? list : judged[q.PropertyId] = []).Add(new($"smt:{q.Theory}/{suffix}", v, b, why));
                }

                cells.AddRange(judged.OrderBy(j => j.Key, StringComparer.Ordinal).Select(j => new CaughtByCell(bug.Name, CaughtByEngines.Smt, j.Key, j.Value)));
            }
        }
        finally
        {
            session?.Dispose();
        }

        return cells;
    }
}
