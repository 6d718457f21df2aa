namespace MmVerify.ProcFs;

/// <summary>Reads /proc/vmstat; a malformed file throws <see cref="ProcFormatException"/> with the line.</summary>
public static class VmstatParser
{
    // mirrors vmstat_show(), mm/vmstat.c, v7.2: "name value" per line. Counter names differ between versions,
    // so every name is kept, in file order; a name seen twice is malformed.
    public static IReadOnlyList<KeyValuePair<string, long>> Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var counters = new List<KeyValuePair<string, long>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (n, line) in ProcText.Lines(text))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = ProcText.Fields(line);
            if (fields.Length != 2)
            {
                throw new ProcFormatException(sourceName, n, $"expected 'name value', found '{line.Trim()}'");
            }

            if (!seen.Add(fields[0]))
            {
                throw new ProcFormatException(sourceName, n, $"counter {fields[0]} appears twice");
            }

            counters.Add(new(fields[0], ProcText.Unsigned(fields[1], sourceName, n, fields[0])));
        }

        if (counters.Count == 0)
        {
            throw new ProcFormatException(sourceName, 1, "no counters");
        }

        return counters;
    }
}
