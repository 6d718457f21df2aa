using System.Globalization;

namespace MmVerify.ProcFs;

/// <summary>Kernel text as numbered lines, and number fields that fail with the line they sit on.</summary>
internal static class ProcText
{
    /// <summary>
    /// The lines with their 1-based numbers. The final newline ends the last line rather than
    /// starting an empty one; a CR before the LF (a file copied through Windows) is dropped.
    /// </summary>
    public static IEnumerable<(int Number, string Text)> Lines(string text)
    {
        var lines = text.Split('\n');
        var count = lines.Length;
        if (lines[count - 1].Length == 0)
        {
            count--;
        }

        for (var i = 0; i < count; i++)
        {
            yield return (i + 1, lines[i].TrimEnd('\r'));
        }
    }

    /// <summary>Whitespace-separated fields (the kernel pads with spaces; hand copies may use tabs).</summary>
    public static string[] Fields(string line) => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A %lu or %u field: digits only.</summary>
    public static long Unsigned(string token, string source, int line, string what)
    {
        if (!long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new ProcFormatException(source, line, $"{what}: expected an unsigned number, found '{token}'");
        }

        return value;
    }

    /// <summary>A node id (%d): digits, small enough for an int.</summary>
    public static int NodeId(string token, string source, int line)
    {
        var value = Unsigned(token, source, line, "node id");
        if (value > int.MaxValue)
        {
            throw new ProcFormatException(source, line, $"node id {value} is out of range");
        }

        return (int)value;
    }

    /// <summary>A %ld field: digits with an optional minus sign.</summary>
    public static long Signed(string token, string source, int line, string what)
    {
        if (!long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new ProcFormatException(source, line, $"{what}: expected a number, found '{token}'");
        }

        return value;
    }
}
