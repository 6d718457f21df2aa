using System.Text.Json;
using System.Text.RegularExpressions;

namespace MmVerify.Specs.Scenarios;

/// <summary>
/// A JSON object with a fixed set of keys: an unknown or repeated key is refused when the reader is made,
/// so a misspelt optional key never passes silently as "absent".
/// </summary>
internal sealed partial class ObjectReader
{
    private readonly JsonCursor _cursor;
    private readonly Dictionary<string, JsonElement> _values = new(StringComparer.Ordinal);

    public ObjectReader(JsonCursor cursor, IReadOnlyCollection<string> keys)
    {
        _cursor = cursor;
        if (cursor.Element.ValueKind != JsonValueKind.Object)
        {
            throw cursor.Fail($"expected an object, got {JsonCursor.Describe(cursor.Element)}");
        }

        foreach (var property in cursor.Element.EnumerateObject())
        {
            var path = ChildPath(cursor.Path, property.Name);
            if (!keys.Contains(property.Name))
            {
                throw new ScenarioException(cursor.File, path, $"unknown key '{property.Name}' (expected one of: {string.Join(", ", keys)})");
            }

            if (!_values.TryAdd(property.Name, property.Value))
            {
                throw new ScenarioException(cursor.File, path, $"duplicate key '{property.Name}'");
            }
        }
    }

    public string Path => _cursor.Path;

    public ScenarioException Fail(string reason) => _cursor.Fail(reason);

    /// <summary>The keys present, in file order.</summary>
    public IEnumerable<string> Keys => _values.Keys;

    public bool Has(string key) => _values.ContainsKey(key);

    /// <summary>The value, or null when the key is absent (an explicit JSON null is a value).</summary>
    public JsonCursor? Optional(string key) =>
        _values.TryGetValue(key, out var e) ? new JsonCursor(e, ChildPath(_cursor.Path, key), _cursor.File) : null;

    public JsonCursor Required(string key) => Optional(key) ?? throw _cursor.Fail($"missing required key '{key}'");

    /// <summary>Every entry of an object whose keys are free-form (each still unique), in file order.</summary>
    public static IReadOnlyList<(string Key, JsonCursor Value)> Entries(JsonCursor cursor)
    {
        var keys = cursor.Element.ValueKind == JsonValueKind.Object
            ? cursor.Element.EnumerateObject().Select(p => p.Name).Distinct(StringComparer.Ordinal).ToArray()
            : [];
        var reader = new ObjectReader(cursor, keys);
        return reader.Keys.Select(k => (k, reader.Optional(k)!.Value)).ToArray();
    }

    /// <summary>$.a.b for plain keys, $.a['kswapd.sleeps'] for keys that are not identifiers.</summary>
    public static string ChildPath(string parent, string key) =>
        PlainKey().IsMatch(key) ? $"{parent}.{key}" : $"{parent}['{key.Replace("'", "\\'", StringComparison.Ordinal)}']";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainKey();
}
