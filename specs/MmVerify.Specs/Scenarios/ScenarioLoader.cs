using System.Text.Json;
using MmVerify.Model.Variants;

namespace MmVerify.Specs.Scenarios;

/// <summary>
/// Reads a scenario file (JSON, schema in specs/README.md). Everything is checked on load (kinds, ranges,
/// unknown keys, cross-references, variant names), so a run never starts from a half-valid scenario.
/// </summary>
public static class ScenarioLoader
{
    public static readonly string[] TopLevelKeys =
    [
        "id", "title", "seed_document", "description", "duration_s", "machine", "sysctls", "memcgs", "tasks", "phases",
        "variants", "properties",
    ];

    /// <summary>A run longer than a simulated day belongs to check, not to one file's default.</summary>
    public const int MaxDurationSeconds = 86400;

    private static readonly JsonDocumentOptions Options = new()
    {
        // Comments let a scenario explain its numbers; trailing commas stay errors.
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 32,
    };

    /// <summary>Loads a file; I/O errors propagate as they are (the caller names the option).</summary>
    public static Scenario Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses scenario text; file is the name used in messages.</summary>
    public static Scenario Parse(string json, string file)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(file);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new ScenarioException(file, "$", $"not valid JSON: {SyntaxError(e)}");
        }

        using (document)
        {
            return Read(new JsonCursor(document.RootElement, "$", file));
        }
    }

    private static Scenario Read(JsonCursor root)
    {
        var o = root.Object(TopLevelKeys);
        var idCursor = o.Required("id");
        var id = idCursor.String();
        if (!ScenarioIds.IsScenarioId(id))
        {
            throw idCursor.Fail($"'{id}' is not kebab-case (a-z, 0-9 and single dashes)");
        }

        var machine = MachineReader.Read(o.Required("machine"));
        return new Scenario
        {
            Id = id,
            Title = o.Required("title").Name(),
            SeedDocument = o.Optional("seed_document")?.Name(),
            Description = o.Optional("description")?.String(),
            DurationSeconds = o.Required("duration_s").Int(1, MaxDurationSeconds),
            Machine = machine,
            Sysctls = SysctlsReader.Read(o.Optional("sysctls"), machine.Spec),
            Workload = WorkloadReader.Read(o, machine),
            Variants = Variants(o.Required("variants")),
            Properties = PropertiesReader.Read(o.Optional("properties")),
            File = root.File,
        };
    }

    private static string[] Variants(JsonCursor cursor)
    {
        var names = new List<string>();
        var canonical = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in cursor.Array())
        {
            var name = item.String();
            try
            {
                // Two spellings of one variant (net-frag-nowake, linux-7.2+net-frag-nowake) count as a duplicate.
                if (!canonical.Add(VariantCatalog.Resolve(name).Name))
                {
                    throw item.Fail($"variant '{name}' is listed twice");
                }
            }
            catch (VariantException e)
            {
                throw item.Fail(e.Message);
            }

            names.Add(name);
        }

        return names.ToArray();
    }

    /// <summary>The reader's message without its "LineNumber: 0 | BytePositionInLine: 5." tail, with 1-based numbers instead.</summary>
    private static string SyntaxError(JsonException e)
    {
        var message = e.Message;
        var tail = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (tail >= 0)
        {
            message = message[..tail];
        }

        return e.LineNumber is { } line ? $"{message} (line {line + 1}, byte {e.BytePositionInLine + 1})" : message;
    }
}
