namespace MmVerify.Specs.Explore;

/// <summary>What may happen in the storm world in one step (action number = the value).</summary>
public enum StormAction
{
    /// <summary>skb_page_frag_refill() (TX, GFP_KERNEL): the opportunistic order-3 attempt, then the order-0 fallback.</summary>
    TxOrder3 = 0,

    /// <summary>__page_frag_cache_refill() (RX, GFP_ATOMIC): the same with __GFP_NOMEMALLOC.</summary>
    RxOrder3 = 1,

    /// <summary>A held order-3 page is freed and its block is free again (a frag page's last user, or a request's lifetime ends).</summary>
    BlockFreed = 2,

    /// <summary>The sniper captures the free order-3 block (S1 only).</summary>
    SniperTake = 3,

    /// <summary>The lazy-free feeder faults a movable page and MADV_FREEs it: it joins the LRU (reclaimable).</summary>
    FeederRefault = 4,

    /// <summary>An order-0 unmovable page comes from a fallback that steals a movable pageblock: boost_watermark() and the wakeup.</summary>
    FallbackSteal = 5,

    /// <summary>kswapd leaves its wait queue and enters balance_pgdat() at the recorded order.</summary>
    KswapdStart = 6,

    /// <summary>One pass of balance_pgdat()'s loop: end the run (balanced, or nothing to reclaim) or reclaim one page.</summary>
    KswapdReclaim = 7,

    /// <summary>kswapd_try_to_sleep()'s HZ/10 nap ends without a wakeup: sleep fully if still balanced, else run again.</summary>
    KswapdNapEnd = 8,
}
