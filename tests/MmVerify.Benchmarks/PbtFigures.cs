using System.Diagnostics;
using System.Globalization;
using MmVerify.Specs;
using MmVerify.Specs.Pbt;

namespace MmVerify.Benchmarks;

/// <summary>
/// The PBT engine's figures per seed bug: workloads until the first counterexample, seconds to it, seconds
/// to the shrunk one, its size, and workloads per second; plus the throughput on the smallest form.
/// <c>dotnet run -c Release --project tests/MmVerify.Benchmarks -- pbt-figures [seed]</c>. One thread.
/// </summary>
public static class PbtFigures
{
    private static readonly (string Seed, string Scenario, string Variant, string Property)[] SeedBugs =
    [
        ("000", "net-order3-frag-storm", "linux-7.2", "kswapd.sleeps"),
        ("001", "memcg-high-revives-kswapd", "linux-6.12", "kswapd.hopeless"),
        ("002", "atomic-burst-autotune", "linux-7.2+autotune-v1", "tune.debounce"),
        ("002", "atomic-burst-autotune", "linux-7.2+autotune-v3", "boost.decays"),
        ("003", "net-order3-frag-storm", "linux-7.2+order-aware-kswapd", "kswapd.sleeps"),
        ("004", "defrag-mode-oom-path", "linux-7.2+defrag-mode", "alloc.terminates"),
        ("004", "defrag-mode-atomic-net", "linux-7.2+defrag-mode-kswapd-assist", "alloc.atomic-reserve"),
        ("004", "defrag-mode-thp-kbuild", "linux-7.2+defrag-mode", "defrag.wake-order"),
    ];

    public static void Run(string[] args)
    {
        var seed = args.Length > 1 ? ulong.Parse(args[1], CultureInfo.InvariantCulture) : 1UL;
        var budget = PbtBudget.For("standard");
        Console.WriteLine($"PBT seed bugs, --seed {seed}, standard budget ({budget.MaxTests} workloads, {budget.MaxShrinkRuns} shrink runs), one thread");
        Console.WriteLine("seed  scenario (small)            variant                              property                  found  workload  first(s)  total(s)  activities  steps     workloads/s");
        foreach (var (doc, scenarioId, variant, propertyId) in SeedBugs)
        {
            var scenario = PbtGate.SmallForms.Find(scenarioId)!;
            var property = PropertyCatalog.Find(propertyId)!;
            var runs = new RunCache(budget.MaxTests);
            var check = PbtGate.Check(scenario, variant, property, seed, budget, runs);
            var found = check.Witness is not null;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{doc,-5} {scenarioId,-27} {variant,-36} {propertyId,-25} {(found ? "yes" : "no"),-6} {check.Tests,8}  {check.SecondsToFirstFailure ?? double.NaN,8:F2}  {check.Seconds,8:F2}  {check.Witness?.Case.Activities.ToString(CultureInfo.InvariantCulture) ?? "-",10}  {check.Witness?.FailingStep.ToString(CultureInfo.InvariantCulture) ?? "-",-9} {runs.Runs / check.Seconds,8:F1}"));
        }

        // Throughput on the smallest form: generated workloads per second, none of them failing.
        var small = PbtGate.SmallForms.Find("defrag-mode-oom-path")!;
        var clock = Stopwatch.StartNew();
        var holds = PbtGate.Check(small, "linux-7.2", PropertyCatalog.Find("alloc.terminates")!, seed, new PbtBudget(100, 0), new RunCache(0));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"throughput: defrag-mode-oom-path (small) on linux-7.2, alloc.terminates {holds.Verdict}: {holds.Tests} workloads in {clock.Elapsed.TotalSeconds:F2} s = {holds.Tests / clock.Elapsed.TotalSeconds:F1} workloads/s"));
    }
}
