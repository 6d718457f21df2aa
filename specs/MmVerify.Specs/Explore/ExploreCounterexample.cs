using System.Text;
using System.Text.Json;
using MmVerify.Engine.Explore;
using MmVerify.Model;

namespace MmVerify.Specs.Explore;

/// <summary>
/// An explorer counterexample as a file (schema mmverify-explore-cex/1): scenario, variant, the world's sizes,
/// the world's sizes, the property, the action names from the initial state and, for a lasso, where the cycle starts. It cannot be
/// replayed by <c>mmverify replay</c> (which re-runs the full simulation): <c>mmverify explore --replay FILE</c>
/// re-executes the actions on the explicit world and re-judges the property.
/// </summary>
public sealed record ExploreCounterexample(string Scenario, string Variant, IReadOnlyList<(string Name, long Value)> Sizes, string Property, IReadOnlyList<string> Actions, int LoopStart, IReadOnlyList<string> States)
{
    public const string Schema = "mmverify-explore-cex/1";

    public static ExploreCounterexample Of(string scenario, IExploreWorld world, string property, ExploreTrace t) => new(
        scenario, world.Policy.Name, world.Sizes, property, t.Actions.Select(world.ActionName).ToArray(), t.LoopStart, t.States.Select(world.Describe).ToArray());

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("model_version", ModelVersion.Current);
            w.WriteString("engine", "explore");
            w.WriteString("scenario", Scenario);
            w.WriteString("variant", Variant);
            w.WriteStartObject("world");
            foreach (var (name, value) in Sizes)
            {
                w.WriteNumber(name, value);
            }

            w.WriteEndObject();
            w.WriteString("property", Property);
            w.WriteString("kind", LoopStart >= 0 ? "lasso" : "path");
            w.WriteNumber("loop_start", LoopStart);
            w.WriteStartArray("actions");
            foreach (var a in Actions)
            {
                w.WriteStringValue(a);
            }

            w.WriteEndArray();
            w.WriteStartArray("states");
            foreach (var s in States)
            {
                w.WriteStringValue(s);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static ExploreCounterexample Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ExploreInputException($"{path}: no such file");
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var r = doc.RootElement;
            if (r.GetProperty("schema").GetString() != Schema)
            {
                throw new ExploreInputException($"{path}: not an explore counterexample (schema {Schema})");
            }

            if (r.GetProperty("model_version").GetString() != ModelVersion.Current)
            {
                throw new ExploreInputException($"{path}: recorded with model {r.GetProperty("model_version").GetString()}, this is {ModelVersion.Current}");
            }

            var sizes = r.GetProperty("world").EnumerateObject().Select(p => (p.Name, p.Value.GetInt64())).ToArray();
            return new ExploreCounterexample(
                r.GetProperty("scenario").GetString()!, r.GetProperty("variant").GetString()!, sizes, r.GetProperty("property").GetString()!,
                r.GetProperty("actions").EnumerateArray().Select(a => a.GetString()!).ToArray(), r.GetProperty("loop_start").GetInt32(),
                r.GetProperty("states").EnumerateArray().Select(a => a.GetString()!).ToArray());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new ExploreInputException($"{path}: {e.Message.Split('\n')[0]}");
        }
    }
}
