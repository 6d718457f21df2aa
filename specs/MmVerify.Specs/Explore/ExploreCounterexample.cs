using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MmVerify.Engine.Explore;
using MmVerify.Model;
using MmVerify.Specs.Counterexamples;

namespace MmVerify.Specs.Explore;

/// <summary>
/// An explorer counterexample in the common file format (schema mmverify-counterexample v1, engine "explore";
/// specs/README.md): scenario, variant, property, the failure (step = actions taken, the replayer's reason) and
/// an "explore" section with the world's sizes, the action names from the initial state, where a lasso's cycle
/// starts and the states as text. <c>mmverify replay FILE</c> re-executes it on the explicit world.
/// </summary>
public sealed record ExploreCounterexample(string Scenario, string Variant, IReadOnlyList<(string Name, long Value)> Sizes, string Property, IReadOnlyList<string> Actions, int LoopStart, IReadOnlyList<string> States, string Reason)
{
    public const string Engine = "explore";

    private static readonly string[] Keys = ["schema", "schema_version", "model_version", "engine", "scenario", "variant", "property", "failure", "explore"];

    private static readonly string[] ExploreKeys = ["world", "kind", "loop_start", "actions", "states"];

    public bool IsLasso => LoopStart >= 0;

    /// <summary>The trace as a counterexample; the reason is what replaying it on the same world says.</summary>
    public static ExploreCounterexample Of(string scenario, IExploreWorld world, string property, ExploreTrace t)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(t);
        var (_, reason) = ExploreReplayer.Judge(world, world.Property(property), t);
        return new(scenario, world.Policy.Name, world.Sizes, property, t.Actions.Select(world.ActionName).ToArray(), t.LoopStart, t.States.Select(world.Describe).ToArray(), reason);
    }

    /// <summary>The name check gives it: SCENARIO.small.VARIANT.PROPERTY.explore.json (the world is derived from the small form).</summary>
    public string FileName() => $"{Scenario}.small.{Variant.Replace('+', '_')}.{Property}.{Engine}.json";

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("schema", Counterexample.Schema);
            w.WriteNumber("schema_version", Counterexample.SchemaVersion);
            w.WriteString("model_version", ModelVersion.Current);
            w.WriteString("engine", Engine);
            w.WriteString("scenario", Scenario);
            w.WriteString("variant", Variant);
            w.WriteString("property", Property);
            w.WriteStartObject("failure");
            w.WriteNumber("step", Actions.Count);
            w.WriteString("reason", Reason);
            w.WriteEndObject();
            w.WriteStartObject("explore");
            w.WriteStartObject("world");
            foreach (var (name, value) in Sizes)
            {
                w.WriteNumber(name, value);
            }

            w.WriteEndObject();
            w.WriteString("kind", IsLasso ? "lasso" : "path");
            w.WriteNumber("loop_start", LoopStart);
            Strings(w, "actions", Actions);
            Strings(w, "states", States);
            w.WriteEndObject();
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

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Strict: unknown or missing keys, wrong types, another schema, version or engine are bad input naming the key.</summary>
    public static ExploreCounterexample Parse(string text, string file)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw Bad(file, $"not JSON: {e.Message.Split('\n')[0]}");
        }

        using (doc)
        {
            var r = Element(doc.RootElement, null, "$", JsonValueKind.Object, file);
            Only(r, Keys, "$", file);
            if (Str(r, "schema", file) != Counterexample.Schema)
            {
                throw Bad(file, $"$.schema: not a {Counterexample.Schema} file");
            }

            if (Element(r, "schema_version", "$", JsonValueKind.Number, file).TryGetInt32(out var v) is false || v != Counterexample.SchemaVersion)
            {
                throw Bad(file, $"$.schema_version: this mmverify reads {Counterexample.SchemaVersion}");
            }

            var model = Str(r, "model_version", file);
            if (model != ModelVersion.Current)
            {
                throw Bad(file, $"recorded by model version '{model}', this mmverify is '{ModelVersion.Current}': run check again for a fresh counterexample");
            }

            if (Str(r, "engine", file) != Engine)
            {
                throw Bad(file, $"$.engine: not an {Engine} counterexample");
            }

            var failure = Element(r, "failure", "$", JsonValueKind.Object, file);
            var x = Element(r, "explore", "$", JsonValueKind.Object, file);
            Only(x, ExploreKeys, "$.explore", file);
            var sizes = Element(x, "world", "$.explore", JsonValueKind.Object, file).EnumerateObject()
                .Select(p => (p.Name, p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt64(out var n) ? n : throw Bad(file, $"$.explore.world.{p.Name}: not an integer")))
                .ToArray();
            var actions = Strings(x, "actions", file);
            var states = Strings(x, "states", file);
            var loop = Element(x, "loop_start", "$.explore", JsonValueKind.Number, file).TryGetInt32(out var l) ? l : throw Bad(file, "$.explore.loop_start: not an integer");
            var kind = Element(x, "kind", "$.explore", JsonValueKind.String, file).GetString();
            if (kind != (loop >= 0 ? "lasso" : "path") || loop < -1 || loop > actions.Length || states.Length != actions.Length + 1)
            {
                throw Bad(file, "$.explore: kind, loop_start, actions and states do not fit together");
            }

            var step = Element(failure, "step", "$.failure", JsonValueKind.Number, file).TryGetInt32(out var s) ? s : -1;
            if (step != actions.Length)
            {
                throw Bad(file, "$.failure.step: must be the number of actions");
            }

            return new ExploreCounterexample(
                Str(r, "scenario", file), Str(r, "variant", file), sizes, Str(r, "property", file), actions, loop, states,
                Element(failure, "reason", "$.failure", JsonValueKind.String, file).GetString()!);
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static string[] Strings(JsonElement parent, string name, string file) =>
        Element(parent, name, "$.explore", JsonValueKind.Array, file).EnumerateArray()
            .Select(a => a.ValueKind == JsonValueKind.String ? a.GetString()! : throw Bad(file, $"$.explore.{name}: expected strings")).ToArray();

    private static void Only(JsonElement e, string[] keys, string at, string file)
    {
        foreach (var p in e.EnumerateObject())
        {
            if (!keys.Contains(p.Name))
            {
                throw Bad(file, $"{at}.{p.Name}: unknown key");
            }
        }
    }

    private static string Str(JsonElement parent, string name, string file) => Element(parent, name, "$", JsonValueKind.String, file).GetString()!;

    private static JsonElement Element(JsonElement parent, string? name, string at, JsonValueKind kind, string file)
    {
        var e = parent;
        if (name is not null && !parent.TryGetProperty(name, out e))
        {
            throw Bad(file, $"{at}.{name}: missing");
        }

        return e.ValueKind == kind
            ? e
            : throw Bad(file, $"{(name is null ? at : $"{at}.{name}")}: expected {kind.ToString().ToLowerInvariant()}, found {e.ValueKind.ToString().ToLowerInvariant()}");
    }

    private static ExploreInputException Bad(string file, string why) => new($"{file}: {why}");
}
