using MmVerify.Specs.Scenarios;

namespace MmVerify.Cli.List;

/// <summary>list scenarios: id, seed document, title and variants, sorted by id.</summary>
internal static class ScenarioList
{
    /// <summary>What the text form shows for a scenario without a seed document.</summary>
    public const string NoSeed = "-";

    public static void WriteText(IReadOnlyList<Scenario> scenarios, TextWriter output)
    {
        if (scenarios.Count == 0)
        {
            output.WriteLine("no scenarios");
            return;
        }

        var idWidth = scenarios.Max(s => s.Id.Length);
        var seedWidth = scenarios.Max(s => (s.SeedDocument ?? NoSeed).Length);
        foreach (var s in scenarios)
        {
            output.WriteLine($"{s.Id.PadRight(idWidth)}  seed {(s.SeedDocument ?? NoSeed).PadRight(seedWidth)}  {s.Title}");
            output.WriteLine($"{new string(' ', idWidth)}  variants: {(s.Variants.Count == 0 ? "none" : string.Join(", ", s.Variants))}");
        }
    }

    public static void WriteJson(IReadOnlyList<Scenario> scenarios, TextWriter output) => JsonLine.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("scenarios");
        foreach (var s in scenarios)
        {
            json.WriteStartObject();
            json.WriteString("id", s.Id);
            json.WriteString("title", s.Title);
            if (s.SeedDocument is { } seed)
            {
                json.WriteString("seed_document", seed);
            }
            else
            {
                json.WriteNull("seed_document");
            }

            json.WriteNumber("duration_s", s.DurationSeconds);
            JsonLine.WriteStrings(json, "variants", s.Variants);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });
}
