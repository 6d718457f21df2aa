using System.Text.Json.Nodes;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Specs.Tests;

/// <summary>Each kind of bad scenario file is refused with the file, the JSON path of the culprit and the reason.</summary>
public class MalformedScenarioTests
{
    /// <summary>A change to small-mixed.json, the path it must be blamed on, and a part of the reason.</summary>
    public sealed record Case(string Name, Action<JsonObject> Change, string Path, string Reason)
    {
        public override string ToString() => Name;
    }

    private static JsonNode Activity(JsonObject t, int phase, int activity) => t["phases"]![phase]!["activities"]![activity]!;

    private static JsonNode Zone(JsonObject t, int node, int zone) => t["machine"]!["nodes"]![node]!["zones"]![zone]!;

    private static JsonNode? Json(string text) => JsonNode.Parse(text);

    public static TheoryData<Case> Cases => new()
    {
        // unknown keys, at any depth
        new("unknown top-level key", t => t["colour"] = "red", "$.colour", "unknown key 'colour' (expected one of: id, title,"),
        new("unknown activity key", t => Activity(t, 0, 0)["rate"] = 5, "$.phases[0].activities[0].rate", "unknown key 'rate'"),
        new("unknown zone key", t => Zone(t, 0, 2)["size"] = 5, "$.machine.nodes[0].zones[2].size", "unknown key 'size'"),
        new("unknown sysctl", t => t["sysctls"]!["swappiness"] = 60, "$.sysctls.swappiness", "unknown key 'swappiness'"),

        // missing required fields
        new("missing id", t => t.Remove("id"), "$", "missing required key 'id'"),
        new("missing duration", t => t.Remove("duration_s"), "$", "missing required key 'duration_s'"),
        new("missing op", t => Activity(t, 1, 0).AsObject().Remove("op"), "$.phases[1].activities[0]", "missing required key 'op'"),
        new("missing zone kind", t => Zone(t, 1, 0).AsObject().Remove("kind"), "$.machine.nodes[1].zones[0]", "missing required key 'kind'"),
        new("missing phase end", t => t["phases"]![0]!.AsObject().Remove("end_s"), "$.phases[0]", "missing required key 'end_s'"),

        // wrong types
        new("string for integer", t => t["duration_s"] = "5", "$.duration_s", "expected an integer, got the string \"5\""),
        new("fraction for integer", t => Zone(t, 0, 0)["pages"] = 1.5, "$.machine.nodes[0].zones[0].pages", "expected an integer, got 1.5"),
        new("object for array", t => t["machine"]!["nodes"] = new JsonObject(), "$.machine.nodes", "expected an array, got an object"),
        new("number for string", t => Activity(t, 0, 0)["op"] = 3, "$.phases[0].activities[0].op", "expected a string, got the number 3"),
        new("string for boolean", t => Activity(t, 1, 0)["rx"] = "yes", "$.phases[1].activities[0].rx", "expected a boolean"),
        new("null where no null is meant", t => t["title"] = null, "$.title", "expected a string, got null"),
        new("string property value", t => t["properties"]!["kswapd.sleeps"]!["window_s"] = "10", "$.properties['kswapd.sleeps'].window_s", "expected a number"),

        // out of range
        new("scale factor 0", t => t["sysctls"]!["watermark_scale_factor"] = 0, "$.sysctls.watermark_scale_factor", "0 is out of range (1..3000)"),
        new("negative min_free_kbytes", t => t["sysctls"]!["min_free_kbytes"] = -1, "$.sysctls.min_free_kbytes", "-1 is out of range (0..2147483647)"),
        new("min_free_kbytes word", t => t["sysctls"]!["min_free_kbytes"] = "auto", "$.sysctls.min_free_kbytes", "expected an integer or \"default\""),
        new("fraction above 1", t => Activity(t, 0, 0)["hot_fraction"] = 1.5, "$.phases[0].activities[0].hot_fraction", "1.5 is out of range (0..1)"),
        new("negative max_held_pages", t => Activity(t, 1, 0)["max_held_pages"] = -1, "$.phases[1].activities[0].max_held_pages", "-1 is out of range (>= 0)"),
        new("bind as a number", t => t["tasks"]![1]!["bind"] = 1, "$.tasks[1].bind", "expected a boolean, got the number 1"),
        new("negative uptime", t => t["machine"]!["uptime_s"] = -5, "$.machine.uptime_s", "-5 is out of range"),
        new("compaction as a word", t => t["sysctls"]!["compaction"] = "off", "$.sysctls.compaction", "expected 0, 1, false or true"),
        new("negative rate", t => Activity(t, 0, 0)["rate_per_s"] = -1, "$.phases[0].activities[0].rate_per_s", "-1 is out of range (>= 0)"),
        new("batch 0", t => Activity(t, 0, 0)["batch"] = 0, "$.phases[0].activities[0].batch", "0 is out of range (1..2147483647)"),
        new("order above max_order", t => Activity(t, 1, 0)["order"] = 11, "$.phases[1].activities[0].order", "11 is out of range (0..10)"),
        new("defrag_mode 2", t => t["sysctls"]!["defrag_mode"] = 2, "$.sysctls.defrag_mode", "2 is out of range (0..1)"),
        new("huge integer", t => Zone(t, 0, 0)["pages"] = Json("99999999999999999999"), "$.machine.nodes[0].zones[0].pages", "99999999999999999999 is out of range"),
        new("duration 0", t => t["duration_s"] = 0, "$.duration_s", "0 is out of range (1..86400)"),
        new("hz 0", t => t["machine"]!["hz"] = 0, "$.machine.hz", "0 is out of range (1..10000)"),
        new("phase ends before it starts", t => t["phases"]![1]!["end_s"] = 2, "$.phases[1].end_s", "end_s 2 is not after start_s 2"),
        new("ratio for too many zones", t => t["sysctls"]!["lowmem_reserve_ratio"] = Json("[1,2,3,4,5,6]"), "$.sysctls.lowmem_reserve_ratio", "6 values for 5 zones per node"),

        // unknown names
        new("unknown op", t => Activity(t, 1, 0)["op"] = "frobnicate", "$.phases[1].activities[0].op", "unknown op 'frobnicate'"),
        new("unknown owner", t => Activity(t, 1, 0)["owner"] = "none", "$.phases[1].activities[0].owner", "unknown owner 'none'"),
        new("unknown gfp flag", t => Activity(t, 1, 0)["gfp"] = "GFP_KERNAL", "$.phases[1].activities[0].gfp", "unknown gfp flag 'GFP_KERNAL'"),
        new("unknown zone kind", t => Zone(t, 0, 2)["kind"] = "normal", "$.machine.nodes[0].zones[2].kind", "unknown zone kind 'normal'"),
        new("unknown thp mode", t => t["sysctls"]!["thp"] = "sometimes", "$.sysctls.thp", "unknown thp mode 'sometimes'"),
        new("unknown watermark", t => Activity(t, 0, 1)["pause_below_watermark"] = "medium", "$.phases[0].activities[1].pause_below_watermark", "unknown watermark 'medium'"),
        new("unknown variant", t => t["variants"]![0] = "linux-9.9", "$.variants[0]", "unknown variant part 'linux-9.9'"),
        new("incompatible variant", t => t["variants"]![0] = "linux-7.2+reset-when-balanced", "$.variants[0]", "'reset-when-balanced' is already part of linux-7.2"),
        new("variant listed twice", t => t["variants"]![0] = "linux-7.2+net-frag-nowake", "$.variants[1]", "listed twice"),
        new("id not kebab-case", t => t["id"] = "Small_Mixed", "$.id", "'Small_Mixed' is not kebab-case"),
        new("property id with blanks", t => t["properties"]!["kswapd sleeps"] = new JsonObject(), "$.properties['kswapd sleeps']", "is not a property id"),
        new("parameter in camelCase", t => t["properties"]!["kswapd.sleeps"]!["windowS"] = 1, "$.properties['kswapd.sleeps'].windowS", "is not a parameter name"),

        // cross-references
        new("activity of an unknown task", t => Activity(t, 0, 0)["task"] = "ghost", "$.phases[0].activities[0].task", "unknown task 'ghost'"),
        new("task in an unknown memcg", t => t["tasks"]![0]!["memcg"] = "/nope", "$.tasks[0].memcg", "unknown memcg '/nope'"),
        new("task on a missing node", t => t["tasks"]![1]!["node"] = 2, "$.tasks[1].node", "2 is out of range (0..1)"),
        new("duplicate task", t => t["tasks"]![1]!["name"] = "app", "$.tasks[1].name", "duplicate task 'app'"),
        new("duplicate phase", t => t["phases"]![1]!["name"] = "warm", "$.phases[1].name", "duplicate phase 'warm'"),
        new("root memcg declared", t => t["memcgs"]![0]!["name"] = "/", "$.memcgs[0].name", "the root memcg '/' is implicit"),
        new("memcg with both high forms", t => t["memcgs"]![0]!["high_mb"] = 1, "$.memcgs[0]", "give high_pages or high_mb, not both"),

        // zones against each other and the geometry
        new("managed above present", t => Zone(t, 0, 1)["managed"] = 8100, "$.machine.nodes[0].zones[1].managed", "managed 8100 is more than present 8000"),
        new("present above spanned", t => Zone(t, 0, 1)["present"] = 9000, "$.machine.nodes[0].zones[1].present", "present 9000 is more than spanned 8192"),
        new("cma above managed", t => Zone(t, 0, 1)["cma_pages"] = 8000, "$.machine.nodes[0].zones[1].cma_pages", "cma_pages 8000 is more than the 7900 managed pages"),
        new("two size forms", t => Zone(t, 0, 2)["pages"] = 5, "$.machine.nodes[0].zones[2]", "give exactly one of pages, mb or spanned (got pages, mb)"),
        new("no size", t => Zone(t, 0, 2).AsObject().Remove("mb"), "$.machine.nodes[0].zones[2]", "got none"),
        new("managed without spanned", t => Zone(t, 0, 0)["managed"] = 5, "$.machine.nodes[0].zones[0].managed", "present and managed go with spanned, not with pages"),
        new("overlapping zones", t => Zone(t, 0, 1)["start_pfn"] = 3000, "$.machine.nodes[0].zones[1].start_pfn", "start_pfn 3000 overlaps the previous zone, which ends at pfn 3841"),
        new("zones out of order", t => Zone(t, 0, 0)["kind"] = "Normal", "$.machine.nodes[0].zones[1]", "zone DMA32 after Normal"),
        new("nodes with different zones", t => t["machine"]!["nodes"]![1]!["zones"]!.AsArray().RemoveAt(4), "$.machine.nodes[1]", "differ from node 0's"),
        new("no lowmem", t =>
        {
            foreach (var n in new[] { 0, 1 })
            {
                foreach (var z in new[] { 0, 1, 2 })
                {
                    Zone(t, n, z).AsObject().Clear();
                    Zone(t, n, z)["kind"] = z switch { 0 => "DMA", 1 => "DMA32", _ => "Normal" };
                    Zone(t, n, z)["pages"] = 0;
                }
            }

            Zone(t, 0, 3)["pages"] = 4096;
        }, "$.machine.nodes", "no managed pages in any zone below HighMem"),
        new("pageblock above max_order", t => t["machine"]!["geometry"] = Json("""{"max_order": 5, "pageblock_order": 6}"""), "$.machine.geometry.pageblock_order", "pageblock_order 6 is above max_order 5"),
        new("no nodes", t => t["machine"]!["nodes"] = new JsonArray(), "$.machine.nodes", "at least one node"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_file_is_refused_with_the_path_and_reason(Case c)
    {
        var e = Assert.Throws<ScenarioException>(() => TestFiles.ParseMixed(c.Change));

        Assert.Equal("test.json", e.File);
        Assert.Equal(c.Path, e.JsonPath);
        Assert.Contains(c.Reason, e.Reason);
        Assert.Equal($"test.json: {e.JsonPath}: {e.Reason}", e.Message);
    }

    [Fact]
    public void The_message_is_the_one_line_the_cli_prints()
    {
        var e = Assert.Throws<ScenarioException>(() => TestFiles.ParseMixed(t => Activity(t, 1, 0)["op"] = "frobnicate"));

        Assert.Equal("test.json: $.phases[1].activities[0].op: unknown op 'frobnicate'", e.Message);
    }

    [Theory]
    [InlineData("""{"id": "x",}""", "not valid JSON")]
    [InlineData("""{"id": "x" "title": "y"}""", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    [InlineData("[]", "expected an object, got an array")]
    public void Text_that_is_not_a_scenario_object_is_refused_at_the_root(string text, string reason)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "bad.json"));

        Assert.Equal("$", e.JsonPath);
        Assert.Contains(reason, e.Reason);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_syntax_error_names_the_line()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("{\n  \"id\": \"x\",\n  oops\n}", "bad.json"));

        Assert.Contains("(line 3,", e.Reason);
    }

    [Fact]
    public void A_repeated_key_is_refused()
    {
        var text = File.ReadAllText(TestFiles.PathOf("minimal")).Replace("\"duration_s\": 1,", "\"duration_s\": 1, \"duration_s\": 2,", StringComparison.Ordinal);

        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "dup.json"));

        Assert.Equal("$.duration_s", e.JsonPath);
        Assert.Equal("duplicate key 'duration_s'", e.Reason);
    }
}
