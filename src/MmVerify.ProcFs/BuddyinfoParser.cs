using System.Text.RegularExpressions;
using MmVerify.Model.Topology;

namespace MmVerify.ProcFs;

/// <summary>Reads /proc/buddyinfo; a malformed file throws <see cref="ProcFormatException"/> with the line.</summary>
public static partial class BuddyinfoParser
{
    // mirrors frag_show_print(), mm/vmstat.c, v7.2
    public static Buddyinfo Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var rows = new List<BuddyinfoRow>();
        foreach (var (n, line) in ProcText.Lines(text))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var row = ParseRow(line, sourceName, n);
            if (rows.Count > 0 && row.FreeBlocks.Count != rows[0].FreeBlocks.Count)
            {
                throw new ProcFormatException(
                    sourceName,
                    n,
                    $"{row.FreeBlocks.Count} orders, but line {rows[0].Line} has {rows[0].FreeBlocks.Count}");
            }

            if (rows.Exists(r => r.Node == row.Node && r.Kind == row.Kind))
            {
                throw new ProcFormatException(sourceName, n, $"duplicate zone {row.Name} in node {row.Node}");
            }

            rows.Add(row);
        }

        if (rows.Count == 0)
        {
            throw new ProcFormatException(sourceName, 1, "empty file: no zone line");
        }

        return new Buddyinfo(rows);
    }

    // mirrors one "Node %d, zone %8s " + "%6lu " line of frag_show_print(), mm/vmstat.c, v7.2
    private static BuddyinfoRow ParseRow(string line, string source, int n)
    {
        var m = RowPattern().Match(line);
        if (!m.Success)
        {
            throw new ProcFormatException(source, n, $"expected 'Node N, zone NAME count...', found '{line.Trim()}'");
        }

        var node = ProcText.NodeId(m.Groups[1].Value, source, n);
        var name = m.Groups[2].Value;
        if (!ZoneKinds.TryParse(name, out var kind))
        {
            throw new ProcFormatException(source, n, $"unknown zone name '{name}'");
        }

        var counts = ProcText.Fields(m.Groups[3].Value)
            .Select((t, order) => ProcText.Unsigned(t, source, n, $"order {order}"))
            .ToArray();
        if (counts.Length == 0)
        {
            throw new ProcFormatException(source, n, $"zone {name} of node {node} has no free counts");
        }

        return new BuddyinfoRow(node, kind, counts, n);
    }

    [GeneratedRegex(@"^Node\s+(\d+),\s+zone\s+(\S+)(.*)$")]
    private static partial Regex RowPattern();
}
