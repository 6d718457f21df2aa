namespace MmVerify.Model.Variants;

/// <summary>Thrown for an unknown or incompatible variant name (bad input).</summary>
public sealed class VariantException(string message) : Exception(message);

/// <summary>
/// The baselines and patches, and the composition rule of DESIGN.md: BASELINE[+PATCH]...;
/// a bare PATCH means linux-7.2+PATCH. A PATCH is one of <see cref="Patches"/> or a historical bug
/// (<see cref="HistoricalBugs"/>).
/// </summary>
public static class VariantCatalog
{
    public const string DefaultBaseline = "linux-7.2";

    private static readonly KernelPolicy Linux612 = new()
    {
        Name = "linux-6.12",
        Provenance = [new("linux-6.12", "Linux 6.12 (stable 6.12.107)", "KERNEL.md 0, 5.6-5.8", "6.12.107")],
        HopelessReset = new ClearOnAnyProgress(),
        CompactGap = new UncappedCompactGap(),
        FailureCount = new ZeroReclaimIsFailure(),
        OrderDrop = new DropOrderAfterCompactGap(),
        NetFrag = new NetFragKeepsKswapdReclaim(),
        KswapdWake = new WakeForEveryRequest(),
        DefragMode = new MainlineDefragMode(),
        DefragFallback = new MainlineDefragFallback(),
        ReserveTuning = new NoReserveTuning(),
        AtomicMinBoost = new IgnoreBoostAtMinForHighOrder0(),
    };

    private static readonly KernelPolicy Linux72 = Linux612 with
    {
        Name = "linux-7.2",
        Provenance = [new("linux-7.2", "Linux 7.2 (7.2.13)", "KERNEL.md 0, 5.6-5.8", "7.2.13")],
        HopelessReset = new ClearWhenBalanced(),
        CompactGap = new CappedCompactGap(),
        FailureCount = new UnboostedZeroReclaimIsFailure(),
        PcpRevivesHopeless = true,
    };

    public static IReadOnlyList<KernelPolicy> Baselines { get; } = [Linux612, Linux72];

    public static IReadOnlyList<Patch> Patches { get; } =
    [
        new("reset-when-balanced",
            new("reset-when-balanced", "mm/vmscan: mitigate spurious kswapd_failures reset from direct reclaim", "seed 001", "v3 (mm-new, Jan 2026)"),
            [PolicyPoint.HopelessReset],
            p => p with { HopelessReset = new ClearWhenBalanced() },
            ["linux-7.2"]),
        new("net-frag-nowake",
            new("net-frag-nowake", "net: do not wake kswapd for the opportunistic order-3 page_frag attempt (RFC)", "seed 000, Barry Song", "RFC, Oct 2025"),
            [PolicyPoint.NetFrag],
            p => p with { NetFrag = new NetFragNoReclaim() },
            []),
        new("net-opportunistic-nowake",
            new("net-opportunistic-nowake", "mm: do not wake kswapd for opportunistic high-order requests (option 2)", "seed 000 thread, Vlastimil Babka", "proposal, Oct 2025"),
            [PolicyPoint.KswapdWake],
            p => p with { KswapdWake = new NoWakeForOpportunisticHighOrder() },
            []),
        new("order-aware-kswapd",
            new("order-aware-kswapd", "kswapd: reclaim for higher-order allocations until the order is satisfied", "seed 003, Nick Piggin", "2.6.8, 2004"),
            [PolicyPoint.OrderDrop],
            p => p with { OrderDrop = new NeverDropOrder() },
            []),
        new("defrag-mode",
            new("defrag-mode", "mm: page_alloc: defrag_mode (allocator side, patch 3 alone)", "seed 004, Johannes Weiner", "v1, Mar 2025"),
            [PolicyPoint.DefragMode, PolicyPoint.DefragFallback],
            p => p with { DefragMode = new DefragModeAllocatorOnly(), DefragFallback = new DefragFallbackAsPosted() },
            []),
        new("defrag-mode-kswapd-assist",
            new("defrag-mode-kswapd-assist", "mm: page_alloc: defrag_mode kswapd/kcompactd assistance (patches 3-5 with the exit fix)", "seed 004, Johannes Weiner", "v1 + fixes, 2025"),
            [PolicyPoint.DefragMode, PolicyPoint.DefragFallback],
            p => p with { DefragMode = new DefragModeWithKswapdAssist(), DefragFallback = new DefragFallbackBeforeAtomicFix() },
            []),
        new("autotune-v1",
            new("autotune-v1", "mm/page_alloc: auto-tune min_free_kbytes on atomic allocation failure", "seed 002, wujing", "v1, 2026-01-04"),
            [PolicyPoint.ReserveTuning],
            p => p with { ReserveTuning = new AutotuneV1() },
            []),
        new("autotune-v2",
            new("autotune-v2", "mm/page_alloc: dynamic min_free_kbytes adjustment (+50%, 10 s debounce, 5%/5 min decay to 1.2x)", "seed 002, wujing", "v2, 2026-01-05"),
            [PolicyPoint.ReserveTuning],
            p => p with { ReserveTuning = new AutotuneV2() },
            []),
        new("autotune-v3",
            new("autotune-v3", "mm/page_alloc: auto-tune watermarks on atomic allocation failure (boost, 10 s debounce)", "seed 002, wujing", "v3, 2026-01-05"),
            [PolicyPoint.ReserveTuning],
            p => p with { ReserveTuning = new AutotuneV3() },
            []),
        new("memcg-progress-revives",
            new("memcg-progress-revives", "example: memory.high reclaim progress revives a hopeless kswapd (the README's walk-through, hypothetical)", "README, gating a new patch", "example"),
            [PolicyPoint.HopelessReset],
            p => p with { HopelessReset = new ClearOnMemcgProgress() },
            []),
    ];

    /// <summary>Resolves BASELINE[+PATCH]... (or a bare PATCH on linux-7.2) into policies.</summary>
    public static KernelPolicy Resolve(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new VariantException("empty variant name");
        }

        var parts = name.Split('+');
        var baseline = Baselines.FirstOrDefault(b => b.Name == parts[0]);
        var patchNames = baseline is null ? parts : parts[1..];
        baseline ??= Baselines.Single(b => b.Name == DefaultBaseline);

        var policy = baseline;
        var used = new HashSet<PolicyPoint>();
        var provenance = new List<Provenance>(baseline.Provenance);
        foreach (var patchName in patchNames)
        {
            var patch = Patches.FirstOrDefault(p => p.Name == patchName)
                ?? HistoricalBugs.Find(patchName)?.Patch
                ?? throw new VariantException($"unknown variant part '{patchName}' in '{name}'");
            if (patch.AlreadyIn.Contains(baseline.Name))
            {
                throw new VariantException($"'{patchName}' is already part of {baseline.Name}");
            }

            foreach (var point in patch.Points)
            {
                if (!used.Add(point))
                {
                    throw new VariantException($"'{name}': two patches change {point}");
                }
            }

            policy = patch.Apply(policy);
            provenance.Add(patch.Provenance);
        }

        return policy with { Name = Canonical(baseline.Name, patchNames), Provenance = provenance };
    }

    private static string Canonical(string baseline, IEnumerable<string> patches) =>
        string.Join('+', new[] { baseline }.Concat(patches));
}
