using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Specs.Counterexamples;

/// <summary>Writes the counterexample schema (specs/README.md); the same counterexample gives the same bytes.</summary>
public static class CounterexampleWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Counterexample c)
    {
        ArgumentNullException.ThrowIfNull(c);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("schema", Counterexample.Schema);
            json.WriteNumber("schema_version", Counterexample.SchemaVersion);
            json.WriteString("model_version", c.ModelVersion);
            json.WriteString("engine", c.Engine);
            json.WriteString("scenario", c.ScenarioId);
            json.WriteString("variant", c.Variant);
            json.WriteString("property", c.Property);
            json.WriteNumber("seed", c.Case.SimSeed);
            json.WritePropertyName("run_seconds");
            json.WriteRawValue(Number(c.RunSeconds));
            json.WriteStartObject("failure");
            json.WriteNumber("step", c.FailingStep);
            json.WritePropertyName("time_s");
            json.WriteRawValue(Number(c.FailingTimeSeconds));
            json.WriteString("reason", c.Reason);
            json.WriteEndObject();
            if (c.Pbt is { } pbt)
            {
                json.WriteStartObject("pbt");
                json.WriteNumber("replay_seed", pbt.ReplaySeed);
                json.WriteNumber("tests", pbt.Tests);
                json.WriteNumber("shrinks", pbt.Shrinks);
                json.WriteNumber("activities_before_shrinking", pbt.ActivitiesBeforeShrinking);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("pbt");
            }

            json.WritePropertyName("workload");
            using (var workload = JsonDocument.Parse(ScenarioWriter.Write(c.Case.Scenario)))
            {
                workload.RootElement.WriteTo(json);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>The file name check gives it: scenario, variant and property, safe on any file system.</summary>
    public static string FileName(Counterexample c, string form)
    {
        ArgumentNullException.ThrowIfNull(c);
        var variant = c.Variant.Replace('+', '_');
        return $"{c.ScenarioId}{(form == Gate.Expectation.Small ? ".small" : "")}.{variant}.{c.Property}.{c.Engine}.json";
    }

    /// <summary>Shortest round-trip text of a double: the reader gets the same value back.</summary>
    internal static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
