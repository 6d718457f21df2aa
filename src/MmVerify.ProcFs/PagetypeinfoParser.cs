using System.Text.RegularExpressions;

namespace MmVerify.ProcFs;

/// <summary>Reads /proc/pagetypeinfo; a malformed file throws <see cref="ProcFormatException"/> with the line.</summary>
public static partial class PagetypeinfoParser
{
    [GeneratedRegex(@"^Node\s+(?<node>\d+),\s+zone\s+(?<zone>\S+),\s+type\s+(?<type>\S+)\s+(?<counts>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex FreeLine();

    [GeneratedRegex(@"^Node\s+(?<node>\d+),\s+zone\s+(?<zone>\S+)\s+(?<counts>[\d\s]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex BlockLine();

    // mirrors pagetypeinfo_show(), pagetypeinfo_showfree_print() and pagetypeinfo_showblockcount_print(), mm/vmstat.c, v7.2
    public static Pagetypeinfo Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        int? pageblockOrder = null;
        long? perBlock = null;
        var free = new List<PagetypeinfoFreeRow>();
        var blocks = new List<PagetypeinfoBlockRow>();
        string[]? blockTypes = null;
        var orders = -1;
        foreach (var (n, line) in ProcText.Lines(text))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (trimmed.StartsWith("Page block order:", StringComparison.Ordinal))
            {
                pageblockOrder = (int)ProcText.Unsigned(trimmed["Page block order:".Length..].Trim(), sourceName, n, "page block order");
            }
            else if (trimmed.StartsWith("Pages per block:", StringComparison.Ordinal))
            {
                perBlock = ProcText.Unsigned(trimmed["Pages per block:".Length..].Trim(), sourceName, n, "pages per block");
            }
            else if (trimmed.StartsWith("Free pages count per migrate type at order", StringComparison.Ordinal))
            {
                orders = ProcText.Fields(trimmed["Free pages count per migrate type at order".Length..]).Length;
            }
            else if (trimmed.StartsWith("Number of blocks type", StringComparison.Ordinal))
            {
                blockTypes = ProcText.Fields(trimmed["Number of blocks type".Length..]);
            }
            else if (trimmed.StartsWith("Number of mixed blocks", StringComparison.Ordinal))
            {
                break; // PAGE_OWNER's table: not read
            }
            else if (FreeLine().Match(trimmed) is { Success: true } f)
            {
                free.Add(ParseFree(f, orders, sourceName, n));
            }
            else if (blockTypes is not null && BlockLine().Match(trimmed) is { Success: true } b)
            {
                blocks.Add(ParseBlocks(b, blockTypes, sourceName, n));
            }
            else
            {
                throw new ProcFormatException(sourceName, n, $"not a pagetypeinfo line: '{trimmed}'");
            }
        }

        if (pageblockOrder is null || perBlock is null || blockTypes is null || free.Count == 0)
        {
            throw new ProcFormatException(sourceName, 1, "missing the page block order, the pages per block, the free counts or the block counts");
        }

        return new Pagetypeinfo(pageblockOrder.Value, perBlock.Value, free, blockTypes, blocks);
    }

    private static PagetypeinfoFreeRow ParseFree(Match m, int orders, string source, int n)
    {
        if (orders < 0)
        {
            throw new ProcFormatException(source, n, "a free-count line before its header");
        }

        var tokens = ProcText.Fields(m.Groups["counts"].Value);
        if (tokens.Length != orders)
        {
            throw new ProcFormatException(source, n, $"{tokens.Length} counts, but the header has {orders} orders");
        }

        var counts = new long[tokens.Length];
        var capped = new List<int>();
        for (var order = 0; order < tokens.Length; order++)
        {
            var token = tokens[order];
            if (token[0] == '>')
            {
                capped.Add(order);
                token = token[1..];
            }

            counts[order] = ProcText.Unsigned(token, source, n, $"order {order}");
        }

        return new PagetypeinfoFreeRow(Node(m, source, n), m.Groups["zone"].Value, m.Groups["type"].Value, counts, capped, n);
    }

    private static PagetypeinfoBlockRow ParseBlocks(Match m, string[] types, string source, int n)
    {
        var tokens = ProcText.Fields(m.Groups["counts"].Value);
        if (tokens.Length != types.Length)
        {
            throw new ProcFormatException(source, n, $"{tokens.Length} block counts, but the header has {types.Length} types");
        }

        var blocks = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < types.Length; i++)
        {
            blocks[types[i]] = ProcText.Unsigned(tokens[i], source, n, types[i]);
        }

        return new PagetypeinfoBlockRow(Node(m, source, n), m.Groups["zone"].Value, blocks, n);
    }

    private static int Node(Match m, string source, int n) => (int)ProcText.Unsigned(m.Groups["node"].Value, source, n, "node");
}
