namespace MmVerify.Specs.Explore;

/// <summary>kswapd in the storm world: asleep (stage 2), napping (stage 1's HZ/10), woken, or inside balance_pgdat().</summary>
public enum StormKswapd
{
    Asleep = 0,
    Napping = 1,
    Awake = 2,
    Running = 3,
}

/// <summary>
/// The storm world's one zone and kswapd, packed into 38 bits: free order-0 pages 6, LRU (lazy-free) pages 5,
/// a free order-3 block 1, boost 4, boost at run start 4, kswapd 2, kswapd_order 2, sc.order 2 (the reclaim
/// order, kept through the nap), the run's order 2, pages reclaimed this run 5 (saturating at 31),
/// kswapd_failures 5.
/// </summary>
public readonly record struct StormState(
    int Free, int Lru, bool Block, int Boost, int BoostAtStart, StormKswapd Kswapd, int KswapdOrder, int ScOrder, int RunOrder, int Reclaimed, int Failures)
{
    public const int MaxReclaimed = 31;

    public ulong Pack() =>
        (uint)Free | ((ulong)(uint)Lru << 6) | ((Block ? 1UL : 0) << 11) | ((ulong)(uint)Boost << 12) | ((ulong)(uint)BoostAtStart << 16)
        | ((ulong)(uint)Kswapd << 20) | ((ulong)(uint)KswapdOrder << 22) | ((ulong)(uint)ScOrder << 24) | ((ulong)(uint)RunOrder << 26)
        | ((ulong)(uint)Reclaimed << 28) | ((ulong)(uint)Failures << 33);

    public static StormState Unpack(ulong w) => new(
        (int)(w & 63), (int)((w >> 6) & 31), ((w >> 11) & 1) != 0, (int)((w >> 12) & 15), (int)((w >> 16) & 15), (StormKswapd)((w >> 20) & 3),
        (int)((w >> 22) & 3), (int)((w >> 24) & 3), (int)((w >> 26) & 3), (int)((w >> 28) & 31), (int)((w >> 33) & 31));
}
