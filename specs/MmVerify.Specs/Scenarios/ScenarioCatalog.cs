namespace MmVerify.Specs.Scenarios;

/// <summary>
/// The scenario files of one directory, one scenario per "ID.json". The built-in catalog is specs/scenarios,
/// copied next to the CLI into "scenarios/".
/// </summary>
public sealed class ScenarioCatalog(string directory)
{
    public static string BuiltInDirectory => Path.Combine(AppContext.BaseDirectory, "scenarios");

    public static ScenarioCatalog BuiltIn => new(BuiltInDirectory);

    public string Directory { get; } = directory;

    /// <summary>Every scenario, sorted by id. A missing directory is an empty catalog; a bad file throws.</summary>
    public IReadOnlyList<Scenario> LoadAll()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        return System.IO.Directory.EnumerateFiles(Directory, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(LoadChecked)
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>
    /// The scenario with this id, or null. Only ID.json is read, so one broken file does not block the
    /// others, and an id that is not kebab-case (a path, say) never reaches the file system.
    /// </summary>
    public Scenario? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!ScenarioIds.IsScenarioId(id))
        {
            return null;
        }

        var path = Path.Combine(Directory, id + ".json");
        return File.Exists(path) ? LoadChecked(path) : null;
    }

    private static Scenario LoadChecked(string path)
    {
        var scenario = ScenarioLoader.Load(path);
        var expected = Path.GetFileNameWithoutExtension(path);
        if (scenario.Id != expected)
        {
            // Find() looks a scenario up by file name, so the two must agree.
            throw new ScenarioException(path, "$.id", $"'{scenario.Id}' differs from the file name (expected '{expected}')");
        }

        return scenario;
    }
}
