using MmVerify.Engine.Properties;
using MmVerify.Specs;

namespace MmVerify.Cli.List;

/// <summary>list properties: the implemented properties of PropertyCatalog, sorted by id.</summary>
internal static class PropertyList
{
    public static IReadOnlyList<PropertyInfo> Sorted =>
        PropertyCatalog.All.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();

    public static void WriteText(TextWriter output)
    {
        var properties = Sorted;
        var width = properties.Max(p => p.Id.Length);
        foreach (var p in properties)
        {
            output.WriteLine($"{p.Id.PadRight(width)}  {Program.OneLine(p.Statement)}");
        }
    }

    public static void WriteJson(TextWriter output) => JsonLine.Write(output, json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("properties");
        foreach (var p in Sorted)
        {
            json.WriteStartObject();
            json.WriteString("id", p.Id);
            json.WriteString("statement", p.Statement);
            json.WriteString("rationale", p.Rationale);
            json.WriteString("provenance", p.Provenance);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });
}
