namespace MmVerify.Specs.Explore;

/// <summary>
/// The sizes of the storm world: Pages in the zone; Min/Low/High its watermarks; Lru the feeder's pool of
/// movable pages, each either free (order 0) or lazy-free on the LRU (half and half at the start; the rest of
/// the zone is one order-3 block, free at the start, and pinned pages); BoostFactor watermark_boost_factor (a boost step is one "pageblock" = one page);
/// Order the high order of the requests (3: page_frag); NetFrag: the high-order requests are page_frag TX/RX
/// attempts with an order-0 fallback (S1) rather than one plain GFP_ATOMIC order-3 request (S8); Sniper: a
/// task captures every free order-3 block (S1); MobilityGrouping: fallbacks steal pageblocks and boost the
/// watermarks (off in S8: page_group_by_mobility_disabled, so boost_watermark() is never reached).
/// </summary>
public sealed record StormWorldConfig(int Pages, int Min, int Low, int High, int Lru, long BoostFactor, int Order, bool NetFrag, bool Sniper, bool MobilityGrouping)
{
    /// <summary>
    /// S1 (net-order3-frag-storm) small form shrunk to 40 pages: min 4 &lt; low 5 &lt; high 6 (the small form's
    /// 256/320/384 ratio), order-3 page_frag TX and RX attempts, a sniper, a feeder keeping up to 20 lazy-free
    /// pages on the LRU (more than compact_gap(3) = 16, so kswapd can reach the drop to order 0).
    /// </summary>
    public static StormWorldConfig Storm { get; } = new(40, 4, 5, 6, 18, 15000, 3, NetFrag: true, Sniper: true, MobilityGrouping: true);

    /// <summary>
    /// S8 (kswapd-order-aware-2004) small form on the same zone: one GFP_ATOMIC order-3 request (a NIC buffer)
    /// holding at most the one block, page-cache churn on the LRU, no sniper, no mobility grouping (so no
/// boosts); no compaction either way.
    /// </summary>
    public static StormWorldConfig OrderAware { get; } = new(40, 4, 5, 6, 18, 15000, 3, NetFrag: false, Sniper: false, MobilityGrouping: false);

    public void Validate()
    {
        if (Pages is < 8 or > 63 || !(0 <= Min && Min < Low && Low < High && High < Pages) || Lru is < 1 or > 31 || Lru + 8 > Pages
            || BoostFactor < 0 || Order is < 1 or > 3)
        {
            throw new ArgumentException($"storm world out of range: {this}");
        }
    }
}
