namespace MmVerify.Specs.Explore;

/// <summary>
/// The sizes of the explicit-state kswapd world, per node (every node alike). Pages: the zone's managed pages;
/// Min/Low/High: its watermarks; File: cold file pages at boot (kswapd's and direct reclaim's only food);
/// MemcgMax/MemcgHigh: the most pages the memcg task charges and its memory.high; BoostFactor:
/// watermark_boost_factor (a boost step is one "pageblock" = one page here).
/// </summary>
public sealed record KswapdWorldConfig(int Nodes, int Pages, int Min, int Low, int High, int File, int MemcgMax, int MemcgHigh, long BoostFactor)
{
    /// <summary>
    /// S3 (memcg-high-revives-kswapd) small form, node 0, shrunk to 16 pages: min 2 &lt; low 3 &lt; high 4 as
    /// the small form's min &lt; low &lt; high; two cold file pages (the seed's tiny file LRU) and a memcg that
    /// may charge 4 pages over a memory.high of 2 (the seed's container over memory.high).
    /// </summary>
    public static KswapdWorldConfig Small { get; } = new(1, 16, 2, 3, 4, 2, 4, 2, 15000);

    /// <summary>Benchmark worlds: the same node, larger, and two independent nodes (a product of state spaces).</summary>
    public static IReadOnlyList<(string Name, KswapdWorldConfig Config)> Benchmarks { get; } =
    [
        ("s3-node", Small),
        ("s3-node-32", new(1, 31, 3, 5, 7, 4, 8, 3, 15000)),
        ("s3-2nodes-10", new(2, 10, 1, 2, 3, 1, 3, 1, 15000)),
        ("s3-2nodes-12", new(2, 12, 1, 2, 3, 2, 4, 2, 15000)),
    ];

    public void Validate()
    {
        if (Nodes is < 1 or > 2 || Pages is < 4 or > 31 || !(0 <= Min && Min < Low && Low < High && High < Pages)
            || File is < 0 or > 7 || File > Pages || MemcgMax is < 0 or > 15 || MemcgHigh < 0 || MemcgHigh > MemcgMax || BoostFactor < 0)
        {
            throw new ArgumentException($"kswapd world out of range: {this}");
        }
    }
}
