using System.Text.Json.Nodes;
using MmVerify.Model.Topology;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Specs.Tests;

/// <summary>The three ways to size a zone, and where a zone starts when the file does not say.</summary>
public class ZoneSizeTests
{
    private static IReadOnlyList<ZoneSpec> Zones(string zonesJson, string? geometry = null)
    {
        var machine = geometry is null ? "" : $"\"geometry\": {geometry}, ";
        var text = $$"""
            {"id": "z", "title": "zones", "duration_s": 1, "machine": { {{machine}}"nodes": [ {"zones": {{zonesJson}} } ] },
             "phases": [], "variants": []}
            """;
        return ScenarioLoader.Parse(text, "z.json").Machine.Spec.Nodes[0].Zones;
    }

    [Fact]
    public void Pages_give_spanned_present_and_managed_alike()
    {
        Assert.Equal(new ZoneSpec(ZoneKind.Normal, 0, 4096, 4096, 4096), Zones("""[{"kind": "Normal", "pages": 4096}]""")[0]);
    }

    [Fact]
    public void Mb_are_256_pages_each()
    {
        Assert.Equal(new ZoneSpec(ZoneKind.Normal, 0, 7168 * 256, 7168 * 256, 7168 * 256), Zones("""[{"kind": "Normal", "mb": 7168}]""")[0]);
    }

    [Fact]
    public void Spanned_alone_means_no_holes_and_nothing_reserved()
    {
        Assert.Equal(new ZoneSpec(ZoneKind.Normal, 0, 1000, 1000, 1000), Zones("""[{"kind": "Normal", "spanned": 1000}]""")[0]);
        Assert.Equal(new ZoneSpec(ZoneKind.Normal, 0, 1000, 900, 900), Zones("""[{"kind": "Normal", "spanned": 1000, "present": 900}]""")[0]);
        Assert.Equal(new ZoneSpec(ZoneKind.Normal, 0, 1000, 1000, 800), Zones("""[{"kind": "Normal", "spanned": 1000, "managed": 800}]""")[0]);
    }

    [Fact]
    public void The_brief_s_example_layout_reads_as_written()
    {
        var zones = Zones("""
            [ {"kind": "DMA", "pages": 3840, "start_pfn": 1},
              {"kind": "DMA32", "spanned": 1044480, "present": 782336, "managed": 772917, "start_pfn": 4096},
              {"kind": "Normal", "mb": 64}, {"kind": "Movable", "pages": 0}, {"kind": "Device", "pages": 0} ]
            """);

        Assert.Equal(new ZoneSpec(ZoneKind.Dma, 1, 3840, 3840, 3840), zones[0]);
        Assert.Equal(new ZoneSpec(ZoneKind.Dma32, 4096, 1044480, 782336, 772917), zones[1]);
        Assert.Equal(new ZoneSpec(ZoneKind.Normal, 1048576, 16384, 16384, 16384), zones[2]);
        Assert.Equal(1048576 + 16384, zones[3].StartPfn);
    }

    [Fact]
    public void Start_pfn_defaults_to_the_end_of_the_previous_zone_across_nodes()
    {
        var text = """
            {"id": "z", "title": "zones", "duration_s": 1, "machine": {"nodes": [
               {"zones": [{"kind": "DMA32", "pages": 100, "start_pfn": 10}, {"kind": "Normal", "pages": 50}]},
               {"zones": [{"kind": "DMA32", "pages": 0}, {"kind": "Normal", "pages": 70}]} ]},
             "phases": [], "variants": []}
            """;
        var nodes = ScenarioLoader.Parse(text, "z.json").Machine.Spec.Nodes;

        Assert.Equal(110, nodes[0].Zones[1].StartPfn);
        Assert.Equal(160, nodes[1].Zones[1].StartPfn);
    }

    [Fact]
    public void Cma_pages_are_kept()
    {
        Assert.Equal(64, Zones("""[{"kind": "Normal", "pages": 4096, "cma_pages": 64}]""")[0].CmaPages);
    }

    [Fact]
    public void A_geometry_with_only_max_order_keeps_pageblocks_within_it()
    {
        var text = JsonNode.Parse("""{"max_order": 4}""")!.ToJsonString();

        var s = ScenarioLoader.Parse(
            $$"""{"id": "z", "title": "t", "duration_s": 1, "machine": {"geometry": {{text}}, "nodes": [{"zones": [{"kind": "Normal", "pages": 64}]}]}, "phases": [], "variants": []}""",
            "z.json");

        Assert.Equal(4, s.Machine.Geometry.MaxPageOrder);
        Assert.Equal(4, s.Machine.Geometry.PageblockOrder);
    }
}
