using System.Text.Json;
using MmVerify.Model.Variants;
using MmVerify.Specs.Pbt;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Specs.Counterexamples;

/// <summary>
/// Reads a counterexample file strictly: unknown or missing keys, wrong types, another schema or model
/// version, an unknown variant or property, or a workload the scenario loader refuses: each one a
/// CounterexampleException naming the file and the reason.
/// </summary>
public static class CounterexampleReader
{
    private static readonly string[] Keys =
        ["schema", "schema_version", "model_version", "engine", "scenario", "variant", "property", "seed", "run_seconds", "failure", "pbt", "workload"];

    public static Counterexample Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new CounterexampleException(path, "no such file");
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static Counterexample Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new CounterexampleException(file, $"not JSON: {e.Message.Split('\n')[0]}");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CounterexampleException(file, "$: expected an object");
            }

            if (IsExplore(root))
            {
                throw new CounterexampleException(file, "an explorer counterexample (engine explore): `mmverify replay` runs it on its explicit world; this needs a simulation or PBT one");
            }

            foreach (var p in root.EnumerateObject())
            {
                if (!Keys.Contains(p.Name))
                {
                    throw new CounterexampleException(file, $"$.{p.Name}: unknown key");
                }
            }

            if (String(root, "schema", file) != Counterexample.Schema)
            {
                throw new CounterexampleException(file, $"$.schema: not a {Counterexample.Schema} file");
            }

            var schemaVersion = Int(root, "schema_version", file);
            if (schemaVersion != Counterexample.SchemaVersion)
            {
                throw new CounterexampleException(file, $"$.schema_version: {schemaVersion} is not supported (this mmverify reads {Counterexample.SchemaVersion})");
            }

            var model = String(root, "model_version", file);
            if (model != Model.ModelVersion.Current)
            {
                throw new CounterexampleException(file, $"recorded by model version '{model}', this mmverify is '{Model.ModelVersion.Current}': its actions may mean something else here; run check again for a fresh counterexample");
            }

            var variant = String(root, "variant", file);
            try
            {
                VariantCatalog.Resolve(variant);
            }
            catch (VariantException e)
            {
                throw new CounterexampleException(file, $"$.variant: {e.Message}");
            }

            var property = String(root, "property", file);
            if (PropertyCatalog.Find(property) is null)
            {
                throw new CounterexampleException(file, $"$.property: unknown property '{property}'");
            }

            var engine = String(root, "engine", file);
            if (engine is not ("sim" or "pbt"))
            {
                throw new CounterexampleException(file, $"$.engine: '{engine}' is not sim or pbt (or explore, with its own layout)");
            }

            Scenario scenario;
            try
            {
                scenario = ScenarioLoader.Parse(Element(root, "workload", JsonValueKind.Object, file).GetRawText(), file + " $.workload");
            }
            catch (ScenarioException e)
            {
                throw new CounterexampleException(file, e.Message);
            }

            if (String(root, "scenario", file) != scenario.Id)
            {
                throw new CounterexampleException(file, $"$.scenario: differs from the workload's id '{scenario.Id}'");
            }

            var failure = Element(root, "failure", JsonValueKind.Object, file);
            var runSeconds = Double(root, "run_seconds", file);
            if (runSeconds <= 0 || runSeconds > ScenarioLoader.MaxDurationSeconds)
            {
                throw new CounterexampleException(file, "$.run_seconds: out of range");
            }

            var step = Long(failure, "step", file);
            var time = Double(failure, "time_s", file);
            if (step < 0 || time < 0 || time > runSeconds)
            {
                throw new CounterexampleException(file, "$.failure: step and time_s must lie within the run");
            }

            return new Counterexample
            {
                ModelVersion = model,
                Engine = engine,
                Variant = variant,
                Property = property,
                Case = new WorkloadCase(scenario, ULong(root, "seed", file)),
                RunSeconds = runSeconds,
                FailingStep = step,
                FailingTimeSeconds = time,
                Reason = String(failure, "reason", file),
                Pbt = ReadPbt(root, file),
            };
        }
    }

    /// <summary>Whether the text is a JSON object whose engine is "explore" (replay dispatches on it); false for anything else.</summary>
    public static bool IsExplore(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var doc = JsonDocument.Parse(text);
            return IsExplore(doc.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsExplore(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("engine", out var e) && e.ValueKind == JsonValueKind.String && e.GetString() == "explore";

    private static PbtProvenance? ReadPbt(JsonElement root, string file)
    {
        if (!root.TryGetProperty("pbt", out var pbt) || pbt.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (pbt.ValueKind != JsonValueKind.Object)
        {
            throw new CounterexampleException(file, "$.pbt: expected an object or null");
        }

        return new PbtProvenance(ULong(pbt, "replay_seed", file), Int(pbt, "tests", file), Int(pbt, "shrinks", file), Int(pbt, "activities_before_shrinking", file));
    }

    private static JsonElement Element(JsonElement parent, string name, JsonValueKind kind, string file)
    {
        if (!parent.TryGetProperty(name, out var e))
        {
            throw new CounterexampleException(file, $"$.{name}: missing");
        }

        if (e.ValueKind != kind)
        {
            throw new CounterexampleException(file, $"$.{name}: expected {kind.ToString().ToLowerInvariant()}, found {e.ValueKind.ToString().ToLowerInvariant()}");
        }

        return e;
    }

    private static string String(JsonElement parent, string name, string file) =>
        Element(parent, name, JsonValueKind.String, file).GetString()!;

    private static double Double(JsonElement parent, string name, string file) =>
        Element(parent, name, JsonValueKind.Number, file).GetDouble();

    private static long Long(JsonElement parent, string name, string file) =>
        Element(parent, name, JsonValueKind.Number, file).TryGetInt64(out var v) ? v : throw new CounterexampleException(file, $"$.{name}: not an integer");

    private static int Int(JsonElement parent, string name, string file) =>
        Element(parent, name, JsonValueKind.Number, file).TryGetInt32(out var v) ? v : throw new CounterexampleException(file, $"$.{name}: not an integer");

    private static ulong ULong(JsonElement parent, string name, string file) =>
        Element(parent, name, JsonValueKind.Number, file).TryGetUInt64(out var v) ? v : throw new CounterexampleException(file, $"$.{name}: not a non-negative integer");
}
