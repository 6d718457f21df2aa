using System.Diagnostics;
using MmVerify.Engine.Explore;
using MmVerify.Engine.Properties;
using MmVerify.Specs.Explore;
using MmVerify.Specs.Gate;
using MmVerify.Specs.Pbt;

namespace MmVerify.Cli.Check;

/// <summary>
/// check --engine explore: the explorer on every selected scenario that has an explicit-state world, on the
/// scenario's variants (or the selected ones), judged against the "explore" form of the expectations.
/// Counterexamples are written in the common file format with engine explore (replay with mmverify replay FILE).
/// </summary>
internal static class ExploreCheck
{
    public static IEnumerable<GateResult> Run(IReadOnlyList<string> scenarios, IReadOnlyList<string> variants, IReadOnlyList<string> properties, ExpectationSet expectations, string outDir, bool strict)
    {
        var selected = scenarios.Count == 0 ? ExploreSession.Scenarios : scenarios;
        foreach (var scenario in selected)
        {
            if (!ExploreSession.Scenarios.Contains(scenario))
            {
                if (strict)
                {
                    throw new BadInputException($"scenario '{scenario}' has no explicit-state world (explore models {string.Join(", ", ExploreSession.Scenarios)})");
                }

                continue;
            }

            var judges = ExploreSession.PropertyIds(scenario);
            var props = properties.Count == 0 ? judges : properties.Where(judges.Contains).ToArray();
            if (props.Count == 0)
            {
                if (strict)
                {
                    throw new BadInputException($"the explorer judges none of the selected properties on {scenario} (it judges {string.Join(", ", judges)})");
                }

                continue;
            }

            var vs = variants.Count > 0 ? variants : PbtGate.SmallForms.Find(scenario)?.Variants ?? [];
            foreach (var variant in vs)
            {
                var clock = Stopwatch.StartNew();
                var (world, outcome) = Explore.ExploreCommand.Explore(scenario, variant, props, new ExploreOptions());
                foreach (var r in outcome.Results)
                {
                    string? file = null;
                    if (r.Counterexample is { } t)
                    {
                        Directory.CreateDirectory(outDir);
                        var cex = ExploreCounterexample.Of(scenario, world, r.Property, t);
                        file = Path.Combine(outDir, cex.FileName());
                        File.WriteAllText(file, cex.ToJson());
                    }

                    var reason = r.Verdict switch
                    {
                        Verdict.Violated when r.Counterexample!.IsLasso => $"fair lasso: {r.Counterexample.LoopStart} steps to a cycle of {r.Counterexample.Actions.Count - r.Counterexample.LoopStart}",
                        Verdict.Violated => $"shortest counterexample: {r.Counterexample!.Actions.Count} steps",
                        Verdict.Holds => $"complete search of {outcome.States} states",
                        _ => $"incomplete search ({outcome.States} states)",
                    };
                    yield return new GateResult(scenario, world.Policy.Name, r.Property, "explore", r.Verdict, expectations.Find(scenario, world.Policy.Name, r.Property, Expectation.Explore), reason, null, outcome.Transitions, 0, clock.ElapsedMilliseconds)
                    {
                        CounterexampleFile = file,
                    };
                }
            }
        }
    }
}
