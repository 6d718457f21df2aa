using System.Diagnostics;
using MmVerify.Model.Sim;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Benchmarks;

/// <summary>
/// One timed run of a scenario, reporting simulated seconds per wall-clock second and model events per
/// wall-clock second from the model's own counters: `dotnet run -c Release --project tests/MmVerify.Benchmarks -- figures [scenario] [variant] [seconds]`.
/// </summary>
internal static class SimulationFigures
{
    public static void Run(string[] args)
    {
        var id = args.Length > 1 ? args[1] : "net-order3-frag-storm";
        var variant = args.Length > 2 ? args[2] : "linux-7.2";
        var seconds = args.Length > 3 ? double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 10;
        var scenario = ScenarioCatalog.BuiltIn.Find(id) ?? throw new ArgumentException($"unknown scenario {id}");
        var simulation = new Simulation(ScenarioSetup.Build(scenario, variant, ScenarioSetup.DefaultSeed, seconds));

        var clock = Stopwatch.StartNew();
        simulation.RunSeconds(seconds);
        var wall = clock.Elapsed.TotalSeconds;

        var vm = simulation.World.Vm;
        long allocations = vm[VmEvent.PgallocDma] + vm[VmEvent.PgallocDma32] + vm[VmEvent.PgallocNormal] + vm[VmEvent.PgallocMovable];
        long scanned = vm[VmEvent.PgscanKswapd] + vm[VmEvent.PgscanDirect];
        Console.WriteLine($"scenario {id}, variant {variant}: {seconds} simulated s in {wall:F2} wall s");
        Console.WriteLine($"simulated seconds per wall second: {seconds / wall:F2}");
        Console.WriteLine($"steps: {simulation.Steps} ({simulation.Steps / wall:F0}/s)");
        Console.WriteLine($"pages allocated: {allocations} ({allocations / wall:F0}/s)");
        Console.WriteLine($"pages freed: {vm[VmEvent.Pgfree]} ({vm[VmEvent.Pgfree] / wall:F0}/s)");
        Console.WriteLine($"pages scanned by reclaim: {scanned} ({scanned / wall:F0}/s)");
        Console.WriteLine($"failed allocation attempts: {vm[VmEvent.AllocFailure]} ({vm[VmEvent.AllocFailure] / wall:F0}/s)");
    }
}
