using System.Text.Json;
using MmVerify.Cli.List;
using MmVerify.Specs.Metrics;

namespace MmVerify.Cli.Compare;

/// <summary>
/// compare --format json, one line: {scenario, base, patch, seconds, seeds, metrics: [{id, label, stat, base:
/// {values, mean, stddev}, patch: {...}, delta_percent}], properties: [{property, base: [{verdict, reason, at}],
/// patch: [...]}]}. A metric a run did not exercise is null in values.
/// </summary>
internal static class CompareJson
{
    public static void Write(Comparison c, TextWriter output) => JsonLine.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteString("scenario", c.Scenario);
        json.WriteString("base", c.Base);
        json.WriteString("patch", c.Patch);
        json.WriteNumber("seconds", c.Seconds);
        json.WriteStartArray("seeds");
        foreach (var s in c.Seeds)
        {
            json.WriteNumberValue(s);
        }

        json.WriteEndArray();
        json.WriteStartArray("metrics");
        foreach (var m in c.Metrics)
        {
            json.WriteStartObject();
            json.WriteString("id", m.Id);
            json.WriteString("label", m.Label);
            json.WriteString("stat", MetricStats.MeanName(m.Kind));
            var baseMean = Side(json, "base", m.Kind, m.Base);
            var patchMean = Side(json, "patch", m.Kind, m.Patch);
            WriteNullable(json, "delta_percent", baseMean is { } b && patchMean is { } p ? MetricStats.DeltaPercent(b, p) : null);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("properties");
        foreach (var p in c.Properties)
        {
            json.WriteStartObject();
            json.WriteString("property", p.Id);
            Verdicts(json, "base", p.Base);
            Verdicts(json, "patch", p.Patch);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static double? Side(Utf8JsonWriter json, string name, MetricKind kind, double?[] values)
    {
        json.WriteStartObject(name);
        json.WriteStartArray("values");
        foreach (var v in values)
        {
            if (v is { } x)
            {
                json.WriteNumberValue(x);
            }
            else
            {
                json.WriteNullValue();
            }
        }

        json.WriteEndArray();
        var mean = ComparedMetric.Mean(kind, values);
        WriteNullable(json, "mean", mean);
        WriteNullable(json, "stddev", mean is null ? null : MetricStats.Stddev(ComparedMetric.Present(values)));
        json.WriteEndObject();
        return mean;
    }

    private static void Verdicts(Utf8JsonWriter json, string name, Specs.Gate.PropertyResult[] results)
    {
        json.WriteStartArray(name);
        foreach (var r in results)
        {
            json.WriteStartObject();
            json.WriteString("verdict", ComparedProperty.Name(r.Verdict));
            json.WriteString("reason", r.Reason);
            WriteNullable(json, "at", r.At);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, double? value)
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
}
