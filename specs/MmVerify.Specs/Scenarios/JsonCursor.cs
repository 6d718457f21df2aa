using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace MmVerify.Specs.Scenarios;

/// <summary>
/// A JSON value with its path in the file, read strictly: the wrong kind, a fraction where an integer
/// belongs or a value out of range becomes a ScenarioException naming the path.
/// </summary>
internal readonly record struct JsonCursor(JsonElement Element, string Path, string File)
{
    public bool IsNull => Element.ValueKind == JsonValueKind.Null;

    public ScenarioException Fail(string reason) => new(File, Path, reason);

    public ObjectReader Object(params string[] keys) => new(this, keys);

    public IReadOnlyList<JsonCursor> Array()
    {
        Expect(JsonValueKind.Array, "an array");
        var path = Path;
        var file = File;
        return Element.EnumerateArray().Select((e, i) => new JsonCursor(e, $"{path}[{i}]", file)).ToArray();
    }

    public string String()
    {
        Expect(JsonValueKind.String, "a string");
        return Element.GetString()!;
    }

    /// <summary>A non-empty string without leading or trailing blanks.</summary>
    public string Name()
    {
        var s = String();
        if (s.Length == 0 || s.Trim() != s)
        {
            throw Fail($"'{s}' is not a name (empty, or blanks around it)");
        }

        return s;
    }

    public bool Bool()
    {
        if (Element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw Fail($"expected a boolean, got {Describe(Element)}");
        }

        return Element.GetBoolean();
    }

    public long Integer(long min, long max)
    {
        Expect(JsonValueKind.Number, "an integer");
        var raw = Element.GetRawText();
        if (!Element.TryGetInt64(out var value))
        {
            // Digits only, yet no long: too large. Anything else (1.5, 1e3) is not an integer.
            var digits = raw.TrimStart('-');
            throw Fail(digits.All(char.IsAsciiDigit) ? $"{raw} is out of range ({Range(min, max)})" : $"expected an integer, got {raw}");
        }

        if (value < min || value > max)
        {
            throw Fail($"{value} is out of range ({Range(min, max)})");
        }

        return value;
    }

    public int Int(int min, int max) => (int)Integer(min, max);

    public double Number(double min, double max)
    {
        Expect(JsonValueKind.Number, "a number");
        var value = Element.GetDouble();
        if (!double.IsFinite(value) || value < min || value > max)
        {
            throw Fail($"{Element.GetRawText()} is out of range ({Range(min, max)})");
        }

        return value;
    }

    private void Expect(JsonValueKind kind, string what)
    {
        if (Element.ValueKind != kind)
        {
            throw Fail($"expected {what}, got {Describe(Element)}");
        }
    }

    internal static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string {e.GetRawText()}",
        JsonValueKind.Number => $"the number {e.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {e.GetRawText()}",
        _ => "null",
    };

    private static string Range<T>(T min, T max)
        where T : IFormattable, IMinMaxValue<T>, IEquatable<T>
    {
        var lo = min.ToString(null, CultureInfo.InvariantCulture);
        var hi = max.ToString(null, CultureInfo.InvariantCulture);
        return max.Equals(T.MaxValue) ? $">= {lo}" : $"{lo}..{hi}";
    }
}
