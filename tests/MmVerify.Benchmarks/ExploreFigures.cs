using System.Globalization;
using MmVerify.Engine.Explore;
using MmVerify.Model.Variants;
using MmVerify.Specs.Explore;

namespace MmVerify.Benchmarks;

/// <summary>
/// <c>-- explore-figures [--no-spin] [--scenario-worlds]</c> (the latter: only the scenario worlds' table): the explorer's throughput per world and thread count (generated and
/// distinct states per second, measured bytes per state), then the same world in Promela under SPIN (see
/// specs/promela/README.md), with both speeds and their ratio. Whole-space generation, no properties, so both
/// tools do the same work. Also every scenario's small explicit world on its variants (S3, S6, S1, S8).
/// </summary>
public static class ExploreFigures
{
    public static void Run(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"machine: {Environment.ProcessorCount} logical CPUs (shared and loaded: figures vary run to run)");
        if (args.Contains("--scenario-worlds"))
        {
            ScenarioWorlds(inv);
            return;
        }

        Console.WriteLine("world            variant                         threads  states      transitions  seconds  distinct/s   generated/s  bytes/state  complete");
        var measured = new Dictionary<string, ExploreOutcome>();
        foreach (var (name, config) in KswapdWorldConfig.Benchmarks)
        {
            foreach (var variant in new[] { "linux-6.12", "linux-7.2" })
            {
                foreach (var threads in new[] { 1, 2 })
                {
                    var world = new KswapdWorld(config, VariantCatalog.Resolve(variant));
                    Explorer.Run(world, [], new ExploreOptions(MaxStates: 1000, Threads: threads)); // warm-up (JIT)
                    var o = Best(() => Explorer.Run(world, [], new ExploreOptions(Threads: threads)));
                    measured[$"{name}/{variant}/{threads}"] = o;
                    Console.WriteLine(string.Format(inv, "{0,-16} {1,-31} {2,7}  {3,-10}  {4,-11}  {5,7:F3}  {6,-11:N0}  {7,-11:N0}  {8,11:F1}  {9}", name, variant, threads, o.States, o.Transitions, o.Elapsed.TotalSeconds, o.StatesPerSecond, o.TransitionsPerSecond, o.BytesPerState, o.Complete));
                }
            }
        }

        ScenarioWorlds(inv);
        if (!args.Contains("--no-spin"))
        {
            SpinComparison.Run(measured);
        }
    }

    /// <summary>Every scenario's explicit world at its small size, on each variant its small form lists: the same search check runs, without properties.</summary>
    private static void ScenarioWorlds(CultureInfo inv)
    {
        Console.WriteLine();
        Console.WriteLine("scenario world                variant                             threads  states      transitions  seconds  distinct/s   generated/s  bytes/state  complete");
        foreach (var scenario in ExploreSession.Scenarios)
        {
            foreach (var variant in MmVerify.Specs.Pbt.PbtGate.SmallForms.Find(scenario)!.Variants)
            {
                foreach (var threads in new[] { 1, 2 })
                {
                    var world = ExploreSession.World(scenario, variant);
                    Explorer.Run(world, [], new ExploreOptions(MaxStates: 1000, Threads: threads)); // warm-up (JIT)
                    var o = Best(() => Explorer.Run(world, [], new ExploreOptions(Threads: threads)));
                    Console.WriteLine(string.Format(inv, "{0,-29} {1,-35} {2,7}  {3,-10}  {4,-11}  {5,7:F3}  {6,-11:N0}  {7,-11:N0}  {8,11:F1}  {9}", scenario, variant, threads, o.States, o.Transitions, o.Elapsed.TotalSeconds, o.StatesPerSecond, o.TransitionsPerSecond, o.BytesPerState, o.Complete));
                }
            }
        }
    }

    /// <summary>The fastest of three runs (the machine is shared; the minimum is the least disturbed).</summary>
    private static ExploreOutcome Best(Func<ExploreOutcome> run) =>
        Enumerable.Range(0, 3).Select(_ => run()).MinBy(o => o.Elapsed)!;
}
