using MmVerify.Model.Topology;

namespace MmVerify.ProcFs;

/// <summary>
/// The fields of one zone as its lines arrive. Order inside a zone is not checked (3.x kernels
/// printed protection after the counters); a field given twice is.
/// </summary>
internal sealed class ZoneinfoZoneBuilder
{
    // Fields the kernel has printed for every zone since managed pages appeared (3.x).
    private static readonly string[] Required = ["pages free", "min", "low", "high", "spanned", "present", "managed"];

    private readonly Dictionary<string, long> _values = new(StringComparer.Ordinal);
    private readonly string _source;

    public ZoneinfoZoneBuilder(string source, int node, ZoneKind kind, int line)
    {
        _source = source;
        Node = node;
        Kind = kind;
        Line = line;
    }

    public int Node { get; }

    public ZoneKind Kind { get; }

    /// <summary>The line of the zone header.</summary>
    public int Line { get; }

    public IReadOnlyList<long>? Protection { get; private set; }

    public int ProtectionLine { get; private set; }

    public void Set(string key, long value, int line)
    {
        if (!_values.TryAdd(key, value))
        {
            throw new ProcFormatException(_source, line, $"second '{key}' line in zone {ZoneKinds.Name(Kind)} of node {Node}");
        }
    }

    public void SetProtection(IReadOnlyList<long> protection, int line)
    {
        if (Protection is not null)
        {
            throw new ProcFormatException(_source, line, $"second 'protection' line in zone {ZoneKinds.Name(Kind)} of node {Node}");
        }

        Protection = protection;
        ProtectionLine = line;
    }

    public ZoneinfoZone Build()
    {
        foreach (var key in Required)
        {
            if (!_values.ContainsKey(key))
            {
                throw Missing(key);
            }
        }

        if (Protection is null)
        {
            throw Missing("protection");
        }

        return new ZoneinfoZone(
            Node,
            Kind,
            Line,
            PagesFree: _values["pages free"],
            Boost: Get("boost") ?? 0,
            Min: _values["min"],
            Low: _values["low"],
            High: _values["high"],
            Promo: Get("promo"),
            Spanned: _values["spanned"],
            Present: _values["present"],
            Managed: _values["managed"],
            Cma: Get("cma") ?? 0,
            Protection: Protection,
            StartPfn: Get("start_pfn"),
            NrFreePages: Get("nr_free_pages"),
            NrFreePagesBlocks: Get("nr_free_pages_blocks"),
            NrFreeCma: Get("nr_free_cma"),
            NodeUnreclaimable: Get("node_unreclaimable") is { } u ? u != 0 : null)
        {
            HasBoostLine = _values.ContainsKey("boost"),
            HasCmaLine = _values.ContainsKey("cma"),
            ReservedHighatomic = Get("reserved_highatomic"),
            FreeHighatomic = Get("free_highatomic"),
        };
    }

    private long? Get(string key) => _values.TryGetValue(key, out var v) ? v : null;

    private ProcFormatException Missing(string key) =>
        new(_source, Line, $"zone {ZoneKinds.Name(Kind)} of node {Node} has no '{key}' line");
}
