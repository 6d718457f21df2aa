using System.Text.Json.Nodes;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Specs.Tests;

/// <summary>The test scenarios (copied next to the tests) and variations of them built in memory.</summary>
internal static class TestFiles
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "TestScenarios");

    /// <summary>The repository root: the directory above the tests that holds Verify.sln.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Verify.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Verify.sln not found above the test directory");
    }

    public static string PathOf(string id) => Path.Combine(Directory, id + ".json");

    public static Scenario Load(string id) => ScenarioLoader.Load(PathOf(id));

    /// <summary>small-mixed.json as a mutable tree (comments dropped).</summary>
    public static JsonObject MixedTree() =>
        JsonNode.Parse(File.ReadAllText(PathOf("small-mixed")), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();

    /// <summary>Parses small-mixed.json after a change, as file "test.json".</summary>
    public static Scenario ParseMixed(Action<JsonObject> change)
    {
        var tree = MixedTree();
        change(tree);
        return ScenarioLoader.Parse(tree.ToJsonString(), "test.json");
    }
}
