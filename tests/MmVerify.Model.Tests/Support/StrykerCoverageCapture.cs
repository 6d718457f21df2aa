using System.Reflection;

namespace MmVerify.Model.Tests.Support;

/// <summary>
/// Whether Stryker.NET is capturing coverage in this test host: the one run, before any mutant is tested, in
/// which the mutated model records every mutant each test executes. Stryker injects a class named
/// <c>MutantControl</c> into the mutated model assembly (in a namespace of its own, starting with "Stryker"),
/// and its data collector sets <c>CaptureCoverage</c> for that run only. Outside Stryker there is no such class.
/// </summary>
internal static class StrykerCoverageCapture
{
    private static readonly FieldInfo? Flag = typeof(Model.Sim.World).Assembly.GetTypes()
        .FirstOrDefault(t => t.Name == "MutantControl" && t.Namespace?.StartsWith("Stryker", StringComparison.Ordinal) == true)
        ?.GetField("CaptureCoverage", BindingFlags.Public | BindingFlags.Static);

    public static bool Active => Flag?.GetValue(null) is true;
}
