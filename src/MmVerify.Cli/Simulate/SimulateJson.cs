using System.Text.Json;
using MmVerify.Cli.List;
using MmVerify.Model.Sim;
using MmVerify.ProcFs.Trace;

namespace MmVerify.Cli.Simulate;

/// <summary>
/// The contract's {"samples": [...], "counters": {...}} on one line, plus "trace" with --trace. Keys are
/// written in a fixed order and zones in kernel order, so equal runs print equal bytes.
/// </summary>
internal static class SimulateJson
{
    public static void Write(SimulationRun run, TextWriter output) => JsonLine.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("samples");
        foreach (var s in run.Samples)
        {
            WriteSample(json, s, run.ZoneLabels);
        }

        json.WriteEndArray();
        json.WriteStartObject("counters");
        foreach (var (name, value) in run.Counters)
        {
            json.WriteNumber(name, value);
        }

        json.WriteEndObject();
        if (run.Traced)
        {
            // The model is not per-CPU: every event is shown on CPU 0.
            JsonLine.WriteStrings(json, "trace", run.Trace.Select(e => TraceRenderer.Line(e, 0, run.TraceZoneNames)));
        }

        json.WriteEndObject();
    });

    private static void WriteSample(Utf8JsonWriter json, SimSample s, IReadOnlyList<string> zones)
    {
        json.WriteStartObject();
        json.WriteNumber("t", s.T);
        json.WriteNumber("free_pages", s.FreePages);
        json.WriteNumber("available_pages", s.AvailablePages);

        // Only populated zones have a buddyinfo row, as in /proc/buddyinfo.
        json.WriteStartObject("buddyinfo");
        foreach (var label in zones.Where(s.Buddyinfo.ContainsKey))
        {
            json.WriteStartArray(label);
            foreach (var count in s.Buddyinfo[label])
            {
                json.WriteNumberValue(count);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteStartArray("kswapd_busy");
        foreach (var busy in s.KswapdBusy)
        {
            json.WriteNumberValue(busy);
        }

        json.WriteEndArray();
        json.WriteNumber("pgscan_kswapd", s.PgscanKswapd);
        json.WriteNumber("pgsteal_kswapd", s.PgstealKswapd);
        json.WriteStartArray("kswapd_failures");
        foreach (var failures in s.KswapdFailures)
        {
            json.WriteNumberValue(failures);
        }

        json.WriteEndArray();
        json.WriteStartObject("watermark_boost");
        foreach (var label in zones.Where(s.WatermarkBoost.ContainsKey))
        {
            json.WriteNumber(label, s.WatermarkBoost[label]);
        }

        json.WriteEndObject();
        json.WriteNumber("min_free_kbytes", s.MinFreeKbytes);
        json.WriteEndObject();
    }
}
