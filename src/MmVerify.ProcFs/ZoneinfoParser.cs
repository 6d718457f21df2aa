using System.Text.RegularExpressions;
using MmVerify.Model.Topology;

namespace MmVerify.ProcFs;

/// <summary>
/// Reads /proc/zoneinfo as printed by kernels from 4.x to 7.2. Lines the model has no use for
/// (per-node stats, counters, pagesets, counters added by later kernels) are skipped; a file whose
/// structure is broken throws <see cref="ProcFormatException"/> naming the offending line.
/// </summary>
public static partial class ZoneinfoParser
{
    // Zone fields printed as "name value" (a colon where the kernel prints one). Bare and colon forms
    // are different keys: the pagesets' "high:" is not the zone's "high".
    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        ["boost"] = "boost",
        ["min"] = "min",
        ["low"] = "low",
        ["high"] = "high",
        ["promo"] = "promo",
        ["spanned"] = "spanned",
        ["present"] = "present",
        ["managed"] = "managed",
        ["cma"] = "cma",
        ["nr_free_pages"] = "nr_free_pages",
        ["nr_free_pages_blocks"] = "nr_free_pages_blocks",
        ["nr_free_cma"] = "nr_free_cma",
        ["node_unreclaimable:"] = "node_unreclaimable",
        ["start_pfn:"] = "start_pfn",

        // 7.2's highatomic lines; their exact punctuation is unconfirmed, so both forms are read.
        ["reserved_highatomic"] = "reserved_highatomic",
        ["reserved_highatomic:"] = "reserved_highatomic",
        ["free_highatomic"] = "free_highatomic",
        ["free_highatomic:"] = "free_highatomic",
    };

    // mirrors zoneinfo_show_print(), mm/vmstat.c, v7.2 (and the shorter layouts of 4.x-6.x)
    public static Zoneinfo Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var zones = new List<ZoneinfoZone>();
        var node = new List<ZoneinfoZoneBuilder>();
        ZoneinfoZoneBuilder? zone = null;
        var inNodeStats = false;

        foreach (var (n, line) in ProcText.Lines(text))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (line.StartsWith("Node ", StringComparison.Ordinal))
            {
                zone = StartZone(line, sourceName, n, node, zones);
                inNodeStats = false;
                continue;
            }

            if (zone is null)
            {
                throw new ProcFormatException(sourceName, n, "a zone field before any 'Node N, zone NAME' header");
            }

            var fields = ProcText.Fields(line);

            // The node's counters sit between the first populated zone's header and its "pages free".
            if (fields is ["per-node", "stats"])
            {
                inNodeStats = true;
                continue;
            }

            if (inNodeStats)
            {
                if (fields is not ["pages", "free", ..])
                {
                    continue;
                }

                inNodeStats = false;
            }

            ReadField(zone, line, fields, sourceName, n);
        }

        if (zone is null)
        {
            throw new ProcFormatException(sourceName, 1, "empty file: no zone header");
        }

        FinishNode(node, zones, sourceName);
        return new Zoneinfo(zones);
    }

    // mirrors the "Node %d, zone %8s" header of zoneinfo_show_print(), mm/vmstat.c, v7.2
    private static ZoneinfoZoneBuilder StartZone(string line, string source, int n, List<ZoneinfoZoneBuilder> node, List<ZoneinfoZone> zones)
    {
        var m = HeaderPattern().Match(line);
        if (!m.Success)
        {
            throw new ProcFormatException(source, n, $"malformed zone header '{line.Trim()}'");
        }

        var nodeId = ProcText.NodeId(m.Groups[1].Value, source, n);
        var name = m.Groups[2].Value;
        if (!ZoneKinds.TryParse(name, out var kind))
        {
            throw new ProcFormatException(source, n, $"unknown zone name '{name}'");
        }

        if (node.Count > 0)
        {
            var last = node[^1];
            if (nodeId < last.Node)
            {
                throw new ProcFormatException(source, n, $"node {nodeId} after node {last.Node}: nodes are printed in increasing order");
            }

            if (nodeId == last.Node)
            {
                if (node.Exists(z => z.Kind == kind))
                {
                    throw new ProcFormatException(source, n, $"duplicate zone {name} in node {nodeId}");
                }

                if (kind < last.Kind)
                {
                    throw new ProcFormatException(source, n, $"zone {name} after {ZoneKinds.Name(last.Kind)} in node {nodeId}: zones are printed in index order");
                }
            }
            else
            {
                FinishNode(node, zones, source);
            }
        }

        var zone = new ZoneinfoZoneBuilder(source, nodeId, kind, n);
        node.Add(zone);
        return zone;
    }

    // mirrors the zone fields of zoneinfo_show_print(), mm/vmstat.c, v7.2 ("%s %lu" lines)
    private static void ReadField(ZoneinfoZoneBuilder zone, string line, string[] fields, string source, int n)
    {
        if (fields is ["pages", "free", .. var rest])
        {
            zone.Set("pages free", Single(rest, "pages free", source, n), n);
            return;
        }

        if (fields[0] == "protection:")
        {
            zone.SetProtection(Protection(line, source, n), n);
            return;
        }

        if (Keys.TryGetValue(fields[0], out var key))
        {
            zone.Set(key, Single(fields[1..], key, source, n), n);
            return;
        }

        // Counters and pageset fields come and go between versions: any "name value" line is fine.
        if (!NamePattern().IsMatch(fields[0]))
        {
            throw new ProcFormatException(source, n, $"unrecognised line '{line.Trim()}'");
        }
    }

    private static long Single(string[] values, string key, string source, int n)
    {
        if (values.Length != 1)
        {
            throw new ProcFormatException(source, n, $"{key}: expected one number, found {values.Length}");
        }

        return ProcText.Unsigned(values[0], source, n, key);
    }

    // mirrors the "protection: (%ld, %ld, ...)" line of zoneinfo_show_print(), mm/vmstat.c, v7.2:
    // lowmem_reserve[] over every zone index of the node
    private static long[] Protection(string line, string source, int n)
    {
        var body = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        if (body.Length < 2 || body[0] != '(' || body[^1] != ')')
        {
            throw new ProcFormatException(source, n, "protection: expected '(a, b, ...)'");
        }

        var inner = body[1..^1];
        return inner.Trim().Length == 0
            ? []
            : inner.Split(',').Select(t => ProcText.Signed(t.Trim(), source, n, "protection")).ToArray();
    }

    // Each zone prints lowmem_reserve[MAX_NR_ZONES], and every zone index of the node is printed.
    private static void FinishNode(List<ZoneinfoZoneBuilder> node, List<ZoneinfoZone> zones, string source)
    {
        var built = node.Select(z => z.Build()).ToList();
        foreach (var z in node)
        {
            if (z.Protection!.Count != node.Count)
            {
                throw new ProcFormatException(
                    source,
                    z.ProtectionLine,
                    $"protection has {z.Protection.Count} values but node {z.Node} has {node.Count} zones");
            }
        }

        zones.AddRange(built);
        node.Clear();
    }

    [GeneratedRegex(@"^Node\s+(\d+),\s+zone\s+(\S+)\s*$")]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*:?$")]
    private static partial Regex NamePattern();
}
