using System.Diagnostics;
using System.Text.Json.Nodes;

namespace MmVerify.Specs.Tests.Mutation;

/// <summary>
/// ci/mutation-score.sh on the committed result of the last full mutation run (mutation/mutation-report.json,
/// Stryker's json reporter): an untriaged survivor fails it, and the config keeps the break threshold.
/// </summary>
public sealed class MutationReportTests
{
    [Fact]
    public void A_report_with_every_mutant_killed_passes_and_one_untriaged_survivor_fails_it()
    {
        var report = AllKilled();
        Assert.Equal(0, ScoreOf(report).Code);

        var mutant = Mutants(report).First();
        mutant["status"] = "Survived";
        mutant["replacement"] = "a replacement no triage entry names";
        var (code, output) = ScoreOf(report);
        Assert.Equal(1, code);
        Assert.Contains("untriaged Survived: ", output);
        Assert.Contains("a replacement no triage entry names", output);
    }

    [Fact]
    public void A_survivor_triaged_as_equivalent_is_set_aside()
    {
        var report = AllKilled();
        var equivalent = JsonNode.Parse(File.ReadAllText(Path.Combine(TestFiles.RepoRoot(), "mutation", "triage.json")))!["equivalent"]!.AsArray()[0]!;
        var file = (string)equivalent["file"]!;
        var mutant = Files(report).Where(f => f.Key.EndsWith("/src/MmVerify.Model/" + file, StringComparison.Ordinal))
            .SelectMany(f => f.Value!["mutants"]!.AsArray()).Select(m => m!).First(m =>
            (int)m["location"]!["start"]!["line"]! == (int)equivalent["line"]!
            && (string?)m["replacement"] == (string?)equivalent["replacement"]
            && (string?)m["mutatorName"] == (string?)equivalent["mutator"]);
        mutant["status"] = "Survived";

        var (code, output) = ScoreOf(report);
        Assert.True(code == 0, output);
        Assert.Contains("equivalent (triaged) 1; untriaged 0", output);
    }

    // The committed report with every survivor and uncovered mutant turned into a kill.
    private static JsonNode AllKilled()
    {
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(TestFiles.RepoRoot(), "mutation", "mutation-report.json")))!;
        foreach (var m in Mutants(report).Where(m => (string?)m["status"] is "Survived" or "NoCoverage"))
        {
            m["status"] = "Killed";
        }

        return report;
    }

    private static JsonObject Files(JsonNode report) => report["files"]!.AsObject();

    private static IEnumerable<JsonNode> Mutants(JsonNode report) =>
        Files(report).SelectMany(f => f.Value!["mutants"]!.AsArray()).Select(m => m!);

    private static (int Code, string Output) ScoreOf(JsonNode report)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mmverify-mutation-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, report.ToJsonString());
        try
        {
            return Score(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Stryker_config_breaks_below_85_percent()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(TestFiles.RepoRoot(), "mutation", "stryker-config.json")))!["stryker-config"]!;
        Assert.Equal(85, (int)config["thresholds"]!["break"]!);
        Assert.Contains("json", config["reporters"]!.AsArray().Select(r => (string)r!));
    }

    private static (int Code, string Output) Score(string report)
    {
        var start = new ProcessStartInfo("bash", ["ci/mutation-score.sh", report])
        {
            WorkingDirectory = TestFiles.RepoRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
