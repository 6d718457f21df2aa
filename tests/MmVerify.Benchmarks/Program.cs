using BenchmarkDotNet.Running;

namespace MmVerify.Benchmarks;

/// <summary>
/// BenchmarkDotNet entry point: <c>dotnet run -c Release --project tests/MmVerify.Benchmarks -- --filter '*'</c>.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
