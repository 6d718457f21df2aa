namespace MmVerify.Specs.Explore;

/// <summary>What may happen to a node in one step (action number = node * 8 + kind).</summary>
public enum NodeAction
{
    /// <summary>The anon hog faults a page; it pauses below the low watermark (as in the small form), so fast path only.</summary>
    HogFault = 0,

    /// <summary>The hog's page comes from a fallback that steals a pageblock: boost_watermark() and the ZONE_BOOSTED_WATERMARK wakeup.</summary>
    HogFallback = 1,

    /// <summary>The hog exits: its pages are freed (the PCP free path may revive a hopeless node).</summary>
    HogExit = 2,

    /// <summary>The memcg task faults a page: fast path, else wake kswapd, else min watermark, else direct reclaim.</summary>
    AppFault = 3,

    /// <summary>mem_cgroup_handle_over_high(): reclaim one of the memcg's (hot) pages while it is over memory.high.</summary>
    MemcgReclaim = 4,

    /// <summary>kswapd enters balance_pgdat(): notes the boost it starts with.</summary>
    KswapdStart = 5,

    /// <summary>kswapd ends balance_pgdat(): reclaim (or not), failure count, reset, boost decay, sleep or loop.</summary>
    KswapdFinish = 6,
}
