using System.Text.Json;
using MmVerify.Model.Variants;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Cli.List;

/// <summary>list variants: the baselines, the patches and the historical bugs with their provenance, and how they compose.</summary>
internal static class VariantList
{
    public static readonly string CompositionRule =
        $"BASELINE[+PATCH]...; a bare PATCH means {VariantCatalog.DefaultBaseline}+PATCH; "
        + "two patches that change the same policy point do not compose; a patch already in its baseline is refused";

    public static void WriteText(TextWriter output)
    {
        var baselines = VariantCatalog.Baselines;
        var patches = VariantCatalog.Patches;
        var bugs = HistoricalBugs.All;
        var width = baselines.Select(b => b.Name).Concat(patches.Select(p => p.Name)).Concat(bugs.Select(b => b.Name)).Max(n => n.Length);

        output.WriteLine("baselines:");
        foreach (var b in baselines)
        {
            var p = b.Provenance[0];
            output.WriteLine($"  {b.Name.PadRight(width)}  {p.Title} [{p.Source}; {p.Version}]");
        }

        output.WriteLine("patches:");
        foreach (var patch in patches)
        {
            var p = patch.Provenance;
            var already = patch.AlreadyIn.Count == 0 ? "" : $"; already in {string.Join(", ", patch.AlreadyIn)}";
            output.WriteLine($"  {patch.Name.PadRight(width)}  {p.Title} [{p.Source}; {p.Version}] changes {Points(patch)}{already}");
        }

        output.WriteLine("historical bugs (fixed in mainline; run by caught-by, not by the scenarios):");
        foreach (var bug in bugs)
        {
            var p = bug.Patch.Provenance;
            var f = bug.Fix;
            output.WriteLine($"  {bug.Name.PadRight(width)}  {p.Title} [{p.Source}; {p.Version}] changes {Points(bug.Patch)}; fixed by \"{f.Title}\" ({f.Author}, {f.FixedInText})");
        }

        output.WriteLine($"composition: {CompositionRule}");
    }

    public static void WriteJson(TextWriter output) => JsonLine.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("baselines");
        foreach (var b in VariantCatalog.Baselines)
        {
            json.WriteStartObject();
            json.WriteString("name", b.Name);
            WriteProvenance(json, b.Provenance[0]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("patches");
        foreach (var patch in VariantCatalog.Patches)
        {
            json.WriteStartObject();
            json.WriteString("name", patch.Name);
            WriteProvenance(json, patch.Provenance);
            JsonLine.WriteStrings(json, "points", patch.Points.Select(KebabCase.Name));
            JsonLine.WriteStrings(json, "already_in", patch.AlreadyIn);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("historical_bugs");
        foreach (var bug in HistoricalBugs.All)
        {
            json.WriteStartObject();
            json.WriteString("name", bug.Name);
            WriteProvenance(json, bug.Patch.Provenance);
            JsonLine.WriteStrings(json, "points", bug.Patch.Points.Select(KebabCase.Name));
            json.WriteStartObject("fix");
            json.WriteString("title", bug.Fix.Title);
            json.WriteString("author", bug.Fix.Author);
            json.WriteString("fixed_in", bug.Fix.FixedIn);
            json.WriteBoolean("version_confirmed", bug.Fix.VersionConfirmed);
            json.WriteString("source", bug.Fix.Source);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("composition", CompositionRule);
        json.WriteEndObject();
    });

    private static void WriteProvenance(Utf8JsonWriter json, Provenance p)
    {
        json.WriteString("title", p.Title);
        json.WriteString("source", p.Source);
        json.WriteString("version", p.Version);
    }

    private static string Points(Patch patch) => string.Join(", ", patch.Points.Select(KebabCase.Name));
}
