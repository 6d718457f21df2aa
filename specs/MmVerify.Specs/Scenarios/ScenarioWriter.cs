using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MmVerify.Model.Topology;
using MmVerify.Model.Workload;

namespace MmVerify.Specs.Scenarios;

/// <summary>
/// A scenario in canonical form: every field written, zones as spanned/present/managed/start_pfn, GFP
/// masks by name. Loading the text gives the same scenario, so a shrunk or generated scenario can be saved.
/// </summary>
public static class ScenarioWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Variant names carry '+', which the default encoder would write as \u002B.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("id", scenario.Id);
            json.WriteString("title", scenario.Title);
            WriteOptional(json, "seed_document", scenario.SeedDocument);
            WriteOptional(json, "description", scenario.Description);
            json.WriteNumber("duration_s", scenario.DurationSeconds);
            WriteMachine(json, scenario.Machine);
            WriteSysctls(json, scenario.Sysctls);
            WriteWorkload(json, scenario.Workload);
            json.WriteStartArray("variants");
            foreach (var v in scenario.Variants)
            {
                json.WriteStringValue(v);
            }

            json.WriteEndArray();
            json.WriteStartObject("properties");
            foreach (var (id, parameters) in scenario.Properties)
            {
                json.WriteStartObject(id);
                foreach (var (name, value) in parameters)
                {
                    json.WriteNumber(name, value);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteMachine(Utf8JsonWriter json, ScenarioMachine machine)
    {
        json.WriteStartObject("machine");
        json.WriteNumber("hz", machine.Hz);
        json.WriteStartObject("geometry");
        json.WriteNumber("max_order", machine.Geometry.MaxPageOrder);
        json.WriteNumber("pageblock_order", machine.Geometry.PageblockOrder);
        json.WriteEndObject();
        json.WriteNumber("swap_mb", machine.SwapPages / ScenarioMachine.PagesPerMb);
        if (machine.UptimeSeconds is { } uptime)
        {
            json.WriteNumber("uptime_s", uptime);
        }

        json.WriteStartArray("nodes");
        foreach (var node in machine.Spec.Nodes)
        {
            json.WriteStartObject();
            json.WriteStartArray("zones");
            foreach (var z in node.Zones)
            {
                json.WriteStartObject();
                json.WriteString("kind", ZoneKinds.Name(z.Kind));
                json.WriteNumber("spanned", z.Spanned);
                json.WriteNumber("present", z.Present);
                json.WriteNumber("managed", z.Managed);
                json.WriteNumber("start_pfn", z.StartPfn);
                json.WriteNumber("cma_pages", z.CmaPages);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSysctls(Utf8JsonWriter json, ScenarioSysctls s)
    {
        json.WriteStartObject("sysctls");
        if (s.MinFreeKbytes is { } minFree)
        {
            json.WriteNumber("min_free_kbytes", minFree);
        }
        else
        {
            json.WriteString("min_free_kbytes", "default");
        }

        json.WriteNumber("watermark_scale_factor", s.WatermarkScaleFactor);
        json.WriteNumber("watermark_boost_factor", s.WatermarkBoostFactor);
        if (s.LowmemReserveRatio is { } ratios)
        {
            json.WriteStartArray("lowmem_reserve_ratio");
            foreach (var r in ratios)
            {
                json.WriteNumberValue(r);
            }

            json.WriteEndArray();
        }

        json.WriteNumber("defrag_mode", s.DefragMode ? 1 : 0);
        json.WriteNumber("high_order_alloc_disable", s.HighOrderAllocDisable ? 1 : 0);
        if (s.Thp is { } thp)
        {
            json.WriteString("thp", KebabCase.Name(thp));
        }

        json.WriteBoolean("numa_balancing_memory_tiering", s.NumaBalancingMemoryTiering);
        json.WriteBoolean("compaction", s.Compaction);
        json.WriteBoolean("page_group_by_mobility_disabled", s.PageGroupByMobilityDisabled);
        json.WriteEndObject();
    }

    private static void WriteWorkload(Utf8JsonWriter json, WorkloadSpec workload)
    {
        json.WriteStartArray("memcgs");
        foreach (var m in workload.Memcgs)
        {
            json.WriteStartObject();
            json.WriteString("name", m.Name);
            if (m.HighPages is { } high)
            {
                json.WriteNumber("high_pages", high);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("tasks");
        foreach (var t in workload.Tasks)
        {
            json.WriteStartObject();
            json.WriteString("name", t.Name);
            json.WriteString("memcg", t.Memcg);
            json.WriteNumber("node", t.Node);
            json.WriteBoolean("bind", t.Bind);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("phases");
        foreach (var p in workload.Phases)
        {
            json.WriteStartObject();
            json.WriteString("name", p.Name);
            json.WriteNumber("start_s", p.StartSeconds);
            json.WriteNumber("end_s", p.EndSeconds);
            json.WriteStartArray("activities");
            foreach (var a in p.Activities)
            {
                WriteActivity(json, a);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteActivity(Utf8JsonWriter json, ActivitySpec a)
    {
        json.WriteStartObject();
        json.WriteString("task", a.Task);
        json.WriteString("op", KebabCase.Name(a.Op));
        json.WriteNumber("rate_per_s", a.RatePerSecond);
        json.WriteString("gfp", GfpNames.Format(a.Gfp));
        json.WriteNumber("lifetime_ms", a.LifetimeMs);
        json.WriteBoolean("rx", a.Rx);
        json.WriteNumber("batch", a.Batch);
        WriteNumberOrNull(json, "count", a.Count);
        json.WriteNumber("order", a.Order);
        json.WriteString("owner", KebabCase.Name(a.Owner));
        json.WriteNumber("hot_fraction", a.HotFraction);
        json.WriteNumber("dirty_fraction", a.DirtyFraction);
        json.WriteBoolean("only_if_free_block", a.OnlyIfFreeBlock);
        WriteNumberOrNull(json, "max_held_pages", a.MaxHeldPages);
        WriteOptional(json, "pause_below_watermark", a.PauseBelowWatermark, writeNull: true);
        json.WriteNumber("chunk_pages", a.ChunkPages);
        json.WriteNumber("arena_pages", a.ArenaPages);
        json.WriteNumber("reserve_mb", a.ReserveMb);
        json.WriteBoolean("arena_unmap", a.ArenaUnmap);
        json.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value, bool writeNull = false)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
        else if (writeNull)
        {
            json.WriteNull(name);
        }
    }
}
