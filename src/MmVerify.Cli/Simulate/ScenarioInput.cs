using MmVerify.Model.Variants;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Cli.Simulate;

/// <summary>
/// Scenarios and variants named on the command line, with every refusal turned into one line of bad
/// input: a scenario file's own message (FILE: $.path: reason), or the option that named the thing.
/// </summary>
internal static class ScenarioInput
{
    /// <summary>Exactly one of --scenario ID and --scenario-file FILE.</summary>
    public static Scenario Resolve(string? id, string? file, ScenarioCatalog catalog)
    {
        return (id, file) switch
        {
            (null, null) => throw new BadInputException("give --scenario ID or --scenario-file FILE"),
            ({ }, { }) => throw new BadInputException("give --scenario or --scenario-file, not both"),
            ({ } name, null) => Guard(() => catalog.Find(name)) ?? throw new BadInputException($"unknown scenario '{name}'"),
            (null, { } path) => FromFile(path),
        };
    }

    public static Scenario FromFile(string path)
    {
        try
        {
            return Guard(() => ScenarioLoader.Load(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The runtime's message names the file; the prefix says which option gave it.
            throw new BadInputException($"--scenario-file: {e.Message}");
        }
    }

    public static IReadOnlyList<Scenario> All(ScenarioCatalog catalog) => Guard(catalog.LoadAll);

    /// <summary>Checks that a variant name resolves, returning its canonical name.</summary>
    public static string Variant(string name)
    {
        try
        {
            return VariantCatalog.Resolve(name).Name;
        }
        catch (VariantException e)
        {
            throw new BadInputException($"--variant: {e.Message}");
        }
    }

    private static T Guard<T>(Func<T> load)
    {
        try
        {
            return load();
        }
        catch (ScenarioException e)
        {
            throw new BadInputException(e.Message);
        }
    }
}
