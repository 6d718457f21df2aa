using BenchmarkDotNet.Running;

namespace MmVerify.Benchmarks;

/// <summary>
/// BenchmarkDotNet entry point: <c>dotnet run -c Release --project tests/MmVerify.Benchmarks -- --filter '*'</c>;
/// <c>-- figures [scenario] [variant] [seconds]</c> prints one run's simulation rates instead;
/// <c>-- pbt-figures [seed]</c> the PBT engine's figures per seed bug; <c>-- explore-figures [--no-spin]</c> the
/// explorer's throughput beside SPIN's.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "figures")
        {
            SimulationFigures.Run(args);
            return;
        }

        if (args.Length > 0 && args[0] == "explore-figures")
        {
            ExploreFigures.Run(args);
            return;
        }

        if (args.Length > 0 && args[0] == "pbt-figures")
        {
            PbtFigures.Run(args);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
