namespace MmVerify.Model.Variants;

/// <summary>
/// Mainline bugs that were fixed, each as a patch re-introducing it at a named policy point. Resolvable by name
/// (linux-7.2+bug-...) like any patch, listed by `mmverify list variants`, judged by `mmverify caught-by`;
/// not in any scenario's variant list, so `mmverify check` without --variant does not run them.
/// </summary>
public static class HistoricalBugs
{
    public static IReadOnlyList<HistoricalBug> All { get; } =
    [
        new(new("bug-reset-on-any-progress",
                new("bug-reset-on-any-progress", "kswapd_failures cleared by any shrink_node() progress, balanced or not", "KERNEL.md 5.8; seed 001", "before ≈v7.0"),
                [PolicyPoint.HopelessReset],
                p => p with { HopelessReset = new ClearOnAnyProgress() },
                []),
            new("mm/vmscan: mitigate spurious kswapd_failures reset from direct reclaim", "Jiayuan Chen", "≈v7.0 (mm-new Jan 2026)", false, "seed 001 (v3, 2026-01-14); KERNEL.md 5.8, 10")),
        new(new("bug-boosted-run-fails",
                new("bug-boosted-run-fails", "a boosted balance_pgdat() run that reclaims nothing counts as a kswapd failure", "KERNEL.md 5.6 step 5, 5.7", "before ≈v6.19"),
                [PolicyPoint.FailureCount],
                p => p with { FailureCount = new ZeroReclaimIsFailure() },
                []),
            new("mm/vmscan: skip increasing kswapd_failures when reclaim was boosted", "Jiayuan Chen", "≈v6.19 (Oct 2025)", false, "KERNEL.md 5.6, 10; mm tree commit log")),
        new(new("bug-never-drop-order",
                new("bug-never-drop-order", "kswapd keeps reclaiming for a high order and never drops to order 0 after compact_gap", "seed 003 (Nick Piggin, 2.6.8, 2004); KERNEL.md 5.6", "2.6.8 .. before the compact_gap order drop"),
                [PolicyPoint.OrderDrop],
                p => p with { OrderDrop = new NeverDropOrder() },
                []),
            new("kswapd_shrink_node(): drop sc->order to 0 once compact_gap(order) pages were reclaimed (kswapd leaves the high order to kcompactd)", "Mel Gorman (compaction-aware kswapd)", "≈v4.8", false, "KERNEL.md 5.6; seed 003 thread")),
        new(new("bug-atomic-min-boost",
                new("bug-atomic-min-boost", "the watermark boost applies to order-0 atomic (__GFP_HIGH) requests at the min watermark", "KERNEL.md 3.3 step 4; SCENARIOS.md A", "v5.0 .. v5.8"),
                [PolicyPoint.AtomicMinBoost],
                p => p with { AtomicMinBoost = new BoostAppliesAtMin() },
                []),
            new("mm, page_alloc: skip ->watermark_boost for atomic order-0 allocations (f80b08fc4453)", "Charan Teja Reddy", "v5.9", true, "linux-mm, Jun 2020; stable backport request to 5.8.y; zone_watermark_fast() in 6.1")),
        new(new("bug-uncapped-compact-gap",
                new("bug-uncapped-compact-gap", "compact_gap(order) = 2 << order, uncapped (order 9: 1024 pages before kswapd drops the order)", "KERNEL.md 5.6 (compact_gap)", "up to at least 6.12.107"),
                [PolicyPoint.CompactGap],
                p => p with { CompactGap = new UncappedCompactGap() },
                []),
            new("compact_gap() capped at COMPACT_CLUSTER_MAX (32)", "unknown (not retrievable)", "after 6.12.107, in 7.2.13", false, "KERNEL.md 5.6, 10")),
        new(new("bug-no-pcp-revive",
                new("bug-no-pcp-revive", "a hopeless node is not revived when pcp frees lift a zone back above high", "KERNEL.md 5.8 (PCP reset); SCENARIOS.md S3 P-REVIVE", "before ≈v6.18"),
                [PolicyPoint.PcpRevive],
                p => p with { PcpRevivesHopeless = false },
                []),
            new("mm: re-enable kswapd when memory pressure subsides or demotion is toggled", "Chanwon Park", "≈v6.18 (patch of 8 Sep 2025)", false, "KERNEL.md 5.8, 10")),
    ];

    public static HistoricalBug? Find(string name) => All.FirstOrDefault(b => b.Name == name);
}
