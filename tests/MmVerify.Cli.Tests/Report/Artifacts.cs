namespace MmVerify.Cli.Tests.Report;

/// <summary>TestResults/ at the repository root (next to Verify.sln), where the tests keep their screenshots.</summary>
internal static class Artifacts
{
    public static string Directory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Verify.sln")))
        {
            dir = dir.Parent;
        }

        var results = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "report");
        System.IO.Directory.CreateDirectory(results);
        return results;
    }
}
