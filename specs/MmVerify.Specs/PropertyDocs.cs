namespace MmVerify.Specs;

/// <summary>
/// What PROPERTIES.md says about each property besides its PropertyInfo: how it is checked, its parameters
/// (scenario keys with defaults), and what is shown to violate it. A test keeps PROPERTIES.md equal to this.
/// </summary>
public static class PropertyDocs
{
    public sealed record Entry(string Kind, string Parameters, string ViolatedBy);

    public static IReadOnlyDictionary<string, Entry> ById { get; } = new Dictionary<string, Entry>
    {
        ["buddy.conservation"] = new("invariant", "-", "faulty variant in tests: a free path that skips account_freepages() (`FaultyBuddyOps.NoAccounting`)"),
        ["buddy.alignment"] = new("invariant", "-", "faulty variant in tests: a merge that keeps the freed page as head (`FaultyBuddyOps.MergeKeepsOwnHead`)"),
        ["buddy.coalesced"] = new("invariant + step", "-", "faulty variant in tests: a free path without the merge loop (`FaultyBuddyOps.NoMerge`)"),
        ["wmark.ordered"] = new("invariant", "-", "faulty variant in tests: LOW built from the zone's share instead of from MIN"),
        ["wmark.arith"] = new("invariant", "-", "faulty variant in tests: a sysctl write of min_free_kbytes or watermark_scale_factor that does not recompute the watermarks (`WmarkArithTests`)"),
        ["wmark.check-monotone"] = new("step", "-", "faulty variant in tests: a high-order check that looks only at the exact order's lists"),
        ["alloc.admitted-succeeds"] = new("temporal (trace)", "-", "seed 004: `defrag-mode-kswapd-assist` (before the May 2026 atomic fix) in `defrag-mode-atomic-net`, full and small form"),
        ["alloc.atomic-reserve"] = new("temporal (trace)", "-", "seed 004: `defrag-mode-kswapd-assist` in `defrag-mode-atomic-net`, full and small form"),
        ["alloc.fallback"] = new("temporal (trace)", "-", "faulty variant in tests: a page_frag order-0 fallback that fails while admitted (`AllocFallbackTests`)"),
        ["alloc.terminates"] = new("temporal (trace)", "-", "seed 004 review: `defrag-mode` as posted (`alloc_flags &= ALLOC_NOFRAGMENT; goto retry`) in `defrag-mode-oom-path`, full and small form"),
        ["boost.bounded"] = new("invariant", "-", "faulty variant in tests: a boost left in place after watermark_boost_factor is set to 0 (`BoostBoundedTests`)"),
        ["boost.decays"] = new("temporal (samples)", "`window_s` 30", "seed 002: `autotune-v3` in `atomic-burst-autotune`, full and small form"),
        ["kswapd.sleeps"] = new("temporal (samples)", "`window_s` 10, `busy_below` 0.10, `steady_after_s` 0", "seed 000: `linux-7.2` and all its patches in `net-order3-frag-storm` (full and small form); seed 001: `linux-6.12` in `memcg-high-revives-kswapd` (full form)"),
        ["kswapd.hopeless"] = new("temporal (trace)", "-", "seed 001: `linux-6.12` in `memcg-high-revives-kswapd`, full and small form"),
        ["kswapd.reset-when-balanced"] = new("temporal (trace)", "-", "seed 001: `linux-6.12` in `memcg-high-revives-kswapd`, full and small form; the README's example patch `memcg-progress-revives`"),
        ["kswapd.revives"] = new("temporal (samples)", "`pressure_ends_s` (required), `within_s` 10", "faulty run in tests: a node left hopeless and unbalanced after the hog exits (`KswapdRevivesTests`)"),
        ["kswapd.no-futile-reclaim"] = new("temporal (trace)", "`slack_pages` 1024", "faulty run in tests: seed 003's 2004 kswapd reclaiming 5000 pages at order 3 on a node balanced at order 0 (`KswapdNoFutileReclaimTests`); the S8 workload never wakes kswapd at a high order, see finding K1"),
        ["kswapd.handoff"] = new("temporal (trace)", "-", "faulty run in tests: a high-order run restarted on a node balanced at order 0 (`KswapdHandoffTests`)"),
        ["kswapd.free-used"] = new("temporal (samples)", "`factor` 2.0, `steady_after_s` 0", "seed 000: every variant of `net-order3-frag-storm`, full and small form"),
        ["tune.cap"] = new("temporal (samples)", "-", "faulty variant in tests: an uncapped raise of min_free_kbytes (`TuneCapTests`)"),
        ["tune.restores"] = new("temporal (samples)", "`window_s` 1800, `failures_before_s` (end of the run)", "seed 002: `autotune-v1` and `autotune-v2` in `atomic-burst-autotune` (full form)"),
        ["tune.debounce"] = new("temporal (trace)", "`window_s` 10", "seed 002: `autotune-v1` in `atomic-burst-autotune`, full and small form"),
        ["tune.admin"] = new("temporal (samples)", "-", "seed 002: `autotune-v1` and `autotune-v2` in `atomic-burst-autotune` (full form)"),
        ["tune.trigger"] = new("temporal (trace)", "-", "seed 002: `autotune-v1`, `-v2` and `-v3` in `atomic-burst-autotune`, full and small form"),
        ["defrag.no-pollution"] = new("temporal (trace)", "-", "seed 004: `linux-7.2` without defrag_mode in `defrag-mode-thp-kbuild` and `defrag-mode-atomic-net`"),
        ["defrag.wake-order"] = new("temporal (trace)", "-", "seed 004: `defrag-mode` (allocator side alone, patch 3) in `defrag-mode-thp-kbuild`, small form"),
    };
}
