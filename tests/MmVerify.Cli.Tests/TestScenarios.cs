using MmVerify.Specs.Scenarios;

namespace MmVerify.Cli.Tests;

/// <summary>The CLI's test scenarios (copied next to the tests), and bad scenario files written on demand.</summary>
internal static class TestScenarios
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "TestScenarios");

    public static ScenarioCatalog Catalog => new(Directory);

    /// <summary>One 4096-page Normal zone, a task faulting file pages at 4000/s, 3 seconds.</summary>
    public static string Tiny => Path.Combine(Directory, "tiny-file-faults.json");

    /// <summary>tiny-file-faults.json with one piece of text replaced, as a temporary file.</summary>
    public static TempFile TinyWith(string from, string to)
    {
        var text = File.ReadAllText(Tiny);
        Assert.Contains(from, text);
        return TestFiles.Write(text.Replace(from, to, StringComparison.Ordinal));
    }
}
