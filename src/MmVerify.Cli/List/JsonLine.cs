using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MmVerify.Cli.List;

/// <summary>One JSON value on one line, written field by field so the key order never depends on reflection.</summary>
internal static class JsonLine
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        // Variant names carry '+' and trace lines "<...>", which the default encoder would escape as \uXXXX.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteStringValue(v);
        }

        json.WriteEndArray();
    }
}
