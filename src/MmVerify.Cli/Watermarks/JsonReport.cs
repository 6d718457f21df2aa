using System.Text;
using System.Text.Json;

namespace MmVerify.Cli.Watermarks;

/// <summary>
/// The report as one JSON object on one line, snake_case keys in a fixed order (written field by field
/// so the order never depends on reflection): sysctls, then zones, then the overall match.
/// </summary>
internal static class JsonReport
{
    public static void Write(WatermarkReport report, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            var s = report.Sysctls;
            json.WriteStartObject();
            json.WriteNumber("min_free_kbytes", s.MinFreeKbytes);
            json.WriteString("min_free_kbytes_rule", s.MinFreeKbytesRule);
            json.WriteNumber("watermark_scale_factor", s.WatermarkScaleFactor);
            WriteArray(json, "lowmem_reserve_ratio", s.LowmemReserveRatio);
            json.WriteStartArray("zones");
            foreach (var zone in report.Zones)
            {
                WriteZone(json, zone);
            }

            json.WriteEndArray();
            json.WriteBoolean("match", report.Match);
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteZone(Utf8JsonWriter json, ZoneComparison zone)
    {
        json.WriteStartObject();
        json.WriteNumber("node", zone.Node);
        json.WriteString("zone", zone.Name);
        json.WriteNumber("managed", zone.Managed);
        json.WriteNumber("boost", zone.Boost);
        WriteValues(json, "computed", zone.Computed);
        WriteValues(json, "file", zone.File);
        json.WriteStartArray("mismatches");
        foreach (var field in zone.Mismatches)
        {
            json.WriteStringValue(field);
        }

        json.WriteEndArray();
        json.WriteBoolean("match", zone.Match);
        json.WriteEndObject();
    }

    private static void WriteValues(Utf8JsonWriter json, string name, ZoneValues values)
    {
        json.WriteStartObject(name);
        json.WriteNumber("min", values.Min);
        json.WriteNumber("low", values.Low);
        json.WriteNumber("high", values.High);
        if (values.Promo is { } promo)
        {
            json.WriteNumber("promo", promo);
        }
        else
        {
            json.WriteNull("promo");
        }

        WriteArray(json, "protection", values.Protection);
        json.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IReadOnlyList<long> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteNumberValue(v);
        }

        json.WriteEndArray();
    }
}
