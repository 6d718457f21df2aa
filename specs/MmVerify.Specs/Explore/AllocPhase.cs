namespace MmVerify.Specs.Explore;

/// <summary>Where the allocating task is in __alloc_pages_slowpath() in the defrag world (action number = phase).</summary>
public enum AllocPhase
{
    /// <summary>get_page_from_freelist() with the current alloc flags.</summary>
    Attempt = 0,

    /// <summary>Direct reclaim, then should_reclaim_retry().</summary>
    Reclaim = 1,

    /// <summary>Out of retries: defrag_mode's decision before OOM (the variant's IDefragFallbackPolicy.BeforeOom).</summary>
    BeforeOom = 2,

    /// <summary>__alloc_pages_may_oom(): the OOM killer runs and the victim's pages are freed.</summary>
    Oom = 3,

    /// <summary>The allocation returned a page; the task faults its next page.</summary>
    GotPage = 4,
}
