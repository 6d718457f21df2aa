using System.Text.Json;
using MmVerify.Cli.List;
using MmVerify.Model.Variants;
using MmVerify.Specs;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Cli.Tests;

/// <summary>mmverify list: variants, scenarios and properties, as text and as JSON, in a fixed order.</summary>
public class ListCommandTests
{
    [Fact]
    public void Variants_text_names_every_baseline_and_patch_with_provenance_and_the_rule()
    {
        var r = CliRun.Run("list", "variants");

        Assert.Equal(ExitCodes.Ok, r.Exit);
        Assert.Equal("", r.Err);
        var lines = r.OutLines;
        Assert.Equal("baselines:", lines[0]);
        Assert.Equal("patches:", lines[1 + VariantCatalog.Baselines.Count]);
        Assert.StartsWith("composition: BASELINE[+PATCH]...; a bare PATCH means linux-7.2+PATCH", lines[^1]);
        Assert.Equal(VariantCatalog.Baselines.Count + VariantCatalog.Patches.Count + HistoricalBugs.All.Count + 4, lines.Length);
        Assert.StartsWith("historical bugs", lines[2 + VariantCatalog.Baselines.Count + VariantCatalog.Patches.Count], StringComparison.Ordinal);
        foreach (var b in VariantCatalog.Baselines)
        {
            Assert.Contains(lines, l => l.TrimStart().StartsWith(b.Name + " ", StringComparison.Ordinal) && l.Contains(b.Provenance[0].Version, StringComparison.Ordinal));
        }

        var reset = Assert.Single(lines, l => l.TrimStart().StartsWith("reset-when-balanced ", StringComparison.Ordinal));
        Assert.Contains("[seed 001; v3 (mm-new, Jan 2026)]", reset);
        Assert.EndsWith("changes hopeless-reset; already in linux-7.2", reset);
    }

    [Fact]
    public void Variants_json_has_baselines_patches_and_the_composition_rule()
    {
        var r = CliRun.Run("list", "variants", "--format", "json");

        Assert.Equal(ExitCodes.Ok, r.Exit);
        Assert.Single(r.OutLines);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal(["baselines", "patches", "historical_bugs", "composition"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(HistoricalBugs.All.Select(b => b.Name), root.GetProperty("historical_bugs").EnumerateArray().Select(b => b.GetProperty("name").GetString()));
        Assert.Equal(VariantCatalog.Baselines.Select(b => b.Name), root.GetProperty("baselines").EnumerateArray().Select(b => b.GetProperty("name").GetString()));
        Assert.Equal(VariantCatalog.Patches.Select(p => p.Name), root.GetProperty("patches").EnumerateArray().Select(p => p.GetProperty("name").GetString()));

        var linux612 = root.GetProperty("baselines")[0];
        Assert.Equal(["name", "title", "source", "version"], linux612.EnumerateObject().Select(p => p.Name));
        Assert.Equal("6.12.107", linux612.GetProperty("version").GetString());

        var nowake = root.GetProperty("patches").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "net-frag-nowake");
        Assert.Equal(["name", "title", "source", "version", "points", "already_in"], nowake.EnumerateObject().Select(p => p.Name));
        Assert.Equal("seed 000, Barry Song", nowake.GetProperty("source").GetString());
        Assert.Equal(["net-frag"], nowake.GetProperty("points").EnumerateArray().Select(p => p.GetString()));
        Assert.Empty(nowake.GetProperty("already_in").EnumerateArray());
        Assert.Equal(VariantList.CompositionRule, root.GetProperty("composition").GetString());
    }

    [Fact]
    public void Properties_text_is_one_line_per_property_sorted_by_id()
    {
        var r = CliRun.Run("list", "properties");

        Assert.Equal(ExitCodes.Ok, r.Exit);
        var ids = r.OutLines.Select(l => l.Split(' ')[0]).ToArray();
        Assert.Equal(PropertyCatalog.All.Select(p => p.Id).Order(StringComparer.Ordinal), ids);
        Assert.Contains(r.OutLines, l => l.StartsWith("wmark.ordered ", StringComparison.Ordinal) && l.Contains("min <= low <= high <= promo", StringComparison.Ordinal));
    }

    [Fact]
    public void Properties_json_carries_statement_rationale_and_provenance()
    {
        var r = CliRun.Run("list", "properties", "--format", "json");

        Assert.Equal(ExitCodes.Ok, r.Exit);
        using var doc = JsonDocument.Parse(r.Out);
        var items = doc.RootElement.GetProperty("properties").EnumerateArray().ToArray();
        Assert.Equal(PropertyCatalog.All.Count, items.Length);
        foreach (var item in items)
        {
            var p = PropertyCatalog.All.Single(x => x.Id == item.GetProperty("id").GetString());
            Assert.Equal(["id", "statement", "rationale", "provenance"], item.EnumerateObject().Select(x => x.Name));
            Assert.Equal(p.Statement, item.GetProperty("statement").GetString());
            Assert.Equal(p.Rationale, item.GetProperty("rationale").GetString());
            Assert.Equal(p.Provenance, item.GetProperty("provenance").GetString());
        }
    }

    [Fact]
    public void Scenarios_lists_the_built_in_catalog()
    {
        var r = CliRun.Run("list", "scenarios", "--format", "json");

        // A refused built-in file shows up here with its own message.
        Assert.Equal("", r.Err);
        Assert.Equal(ExitCodes.Ok, r.Exit);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(
            ScenarioCatalog.BuiltIn.LoadAll().Select(s => s.Id),
            doc.RootElement.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public void Scenarios_text_shows_id_seed_title_and_variants()
    {
        var scenarios = TestScenarios.Catalog.LoadAll();
        using var output = new StringWriter { NewLine = "\n" };

        ScenarioList.WriteText(scenarios, output);

        Assert.Equal(
            "tiny-file-faults  seed test  Page cache fills a 16 MiB zone\n"
            + "                  variants: linux-7.2, linux-6.12\n",
            output.ToString());
    }

    [Fact]
    public void Scenarios_json_shows_id_title_seed_duration_and_variants()
    {
        var scenarios = TestScenarios.Catalog.LoadAll();
        using var output = new StringWriter { NewLine = "\n" };

        ScenarioList.WriteJson(scenarios, output);

        Assert.Equal(
            """{"scenarios":[{"id":"tiny-file-faults","title":"Page cache fills a 16 MiB zone","seed_document":"test","duration_s":3,"variants":["linux-7.2","linux-6.12"]}]}""" + "\n",
            output.ToString());
    }

    [Fact]
    public void An_empty_catalog_says_so()
    {
        using var output = new StringWriter { NewLine = "\n" };

        ScenarioList.WriteText([], output);

        Assert.Equal("no scenarios\n", output.ToString());
    }

    [Theory]
    [InlineData("list")]
    [InlineData("list", "everything")]
    [InlineData("list", "variants", "--format", "xml")]
    [InlineData("list", "variants", "scenarios")]
    public void Bad_list_usage_exits_2_with_one_line(params string[] args)
    {
        var r = CliRun.Run(args);

        Assert.Equal(ExitCodes.BadInput, r.Exit);
        Assert.Single(r.ErrLines);
        Assert.Equal("", r.Out);
    }
}
