using MmVerify.Model.Topology;

namespace MmVerify.Model.Watermarks;

/// <summary>
/// The watermark arithmetic of mm/page_alloc.c and mm/khugepaged.c as pure functions of the
/// memory layout and the sysctls, so that a 16 GiB machine can be checked without modelling its pages.
/// Results are indexed [node][zone index].
/// </summary>
public static class WatermarkSetup
{
    /// <summary>SWAP_CLUSTER_MAX.</summary>
    public const long SwapClusterMax = 32;

    public const long MinFreeKbytesFloor = 128;
    public const long MinFreeKbytesCeiling = 262144;

    /// <summary>4 KiB pages: PAGE_SHIFT - 10.</summary>
    private const int KbytesToPagesShift = 2;

    /// <summary>Zones at or below ZONE_NORMAL: gfp_zone(GFP_USER) and below.</summary>
    public static bool IsAtOrBelowNormal(ZoneKind kind) => kind is ZoneKind.Dma or ZoneKind.Dma32 or ZoneKind.Normal;

    // mirrors nr_free_buffer_pages() -> nr_free_zone_pages(gfp_zone(GFP_USER)), mm/page_alloc.c, v7.2
    public static long NrFreeBufferPages(MachineSpec machine, IReadOnlyList<IReadOnlyList<WatermarkSet>>? current = null)
    {
        long sum = 0;
        for (var n = 0; n < machine.Nodes.Count; n++)
        {
            var zones = machine.Nodes[n].Zones;
            for (var z = 0; z < zones.Count; z++)
            {
                if (!IsAtOrBelowNormal(zones[z].Kind))
                {
                    continue;
                }

                var high = current is null ? 0 : current[n][z].High;
                sum += Math.Max(0, zones[z].Managed - high);
            }
        }

        return sum;
    }

    // mirrors calculate_min_free_kbytes(), mm/page_alloc.c, v7.2: 4 * sqrt(lowmem KiB), clamped,
    // unless the user's value is at least as large (then the current value stays)
    public static long CalculateMinFreeKbytes(long nrFreeBufferPages, long userMinFreeKbytes, long currentMinFreeKbytes)
    {
        var lowmemKbytes = (ulong)nrFreeBufferPages << KbytesToPagesShift;
        var computed = (long)KernelMath.IntSqrt(lowmemKbytes * 16);
        return computed > userMinFreeKbytes
            ? KernelMath.Clamp(computed, MinFreeKbytesFloor, MinFreeKbytesCeiling)
            : currentMinFreeKbytes;
    }

    // mirrors hugepage_init(), mm/huge_memory.c, v7.2: THP is off by default below 512 MiB of RAM
    public static bool ThpEnabledByDefault(MachineSpec machine) => machine.TotalRamPages >= (512L << 20) >> 12;

    // mirrors set_recommended_min_free_kbytes(), mm/khugepaged.c, v7.2 (THP enabled): keep enough
    // pageblocks free for fragmentation avoidance; only ever raises min_free_kbytes
    public static long RecommendedMinFreeKbytes(MachineSpec machine, int pageblockNrPages, long currentMinFreeKbytes, IReadOnlyList<IReadOnlyList<WatermarkSet>> current)
    {
        var nrZones = machine.AllZones.Count(z => z.IsPopulated && IsAtOrBelowNormal(z.Kind));
        const int pcpTypes = 3;
        var recommended = (long)pageblockNrPages * nrZones * 2;
        recommended += (long)pageblockNrPages * nrZones * pcpTypes * pcpTypes;

        // Never reserve more than 5% of lowmem.
        recommended = Math.Min(recommended, NrFreeBufferPages(machine, current) / 20);
        recommended <<= KbytesToPagesShift;
        return Math.Max(recommended, currentMinFreeKbytes);
    }

    /// <summary>
    /// The boot-time min_free_kbytes: init_per_zone_wmark_min's sqrt rule with watermarks still zero,
    /// then, with THP enabled, khugepaged's raise computed against the watermarks just set.
    /// </summary>
    public static long DefaultMinFreeKbytes(MachineSpec machine, bool thpEnabled, long watermarkScaleFactor, int pageblockNrPages)
    {
        var minFree = CalculateMinFreeKbytes(NrFreeBufferPages(machine), userMinFreeKbytes: -1, currentMinFreeKbytes: 1024);
        if (!thpEnabled)
        {
            return minFree;
        }

        var wmarks = SetupPerZoneWmarks(machine, minFree, watermarkScaleFactor);
        return RecommendedMinFreeKbytes(machine, pageblockNrPages, minFree, wmarks);
    }

    // mirrors __setup_per_zone_wmarks(), mm/page_alloc.c, v7.2 (and v6.1 with MovableMinRule.CountedAsLowmem)
    public static IReadOnlyList<IReadOnlyList<WatermarkSet>> SetupPerZoneWmarks(MachineSpec machine, long minFreeKbytes, long watermarkScaleFactor, MovableMinRule movable = MovableMinRule.CappedLikeHighmem)
    {
        bool IsLowmem(ZoneKind kind) => ZoneKinds.IsLowmemForWatermarks(kind) || (movable == MovableMinRule.CountedAsLowmem && kind == ZoneKind.Movable);
        var pagesMin = (ulong)minFreeKbytes >> KbytesToPagesShift;
        long lowmemPages = machine.AllZones.Where(z => IsLowmem(z.Kind)).Sum(z => z.Managed);
        if (lowmemPages == 0)
        {
            throw new ArgumentException("no lowmem pages: the kernel would divide by zero in __setup_per_zone_wmarks", nameof(machine));
        }

        var result = new List<IReadOnlyList<WatermarkSet>>(machine.Nodes.Count);
        foreach (var node in machine.Nodes)
        {
            var sets = new WatermarkSet[node.Zones.Count];
            for (var z = 0; z < sets.Length; z++)
            {
                var zone = node.Zones[z];
                // A u64 product as in the kernel: it wraps for absurd sizes, which the SMT theory checks.
                var share = unchecked(pagesMin * (ulong)zone.Managed) / (ulong)lowmemPages;
                var tmp = unchecked((long)share);

                // HIGHMEM and MOVABLE pages rarely serve __GFP_HIGH or PF_MEMALLOC: cap MIN small.
                var min = IsLowmem(zone.Kind)
                    ? tmp
                    : KernelMath.Clamp(zone.Managed / 1024, SwapClusterMax, 128);

                // The kswapd distances scale with memory but never fall below a quarter of MIN's share.
                // u64 as in the kernel: the shift is unsigned even when the share does not fit a long.
                var delta = Math.Max((long)(share >> 2), KernelMath.MultFrac(zone.Managed, watermarkScaleFactor, 10000));
                sets[z] = new WatermarkSet(min, min + delta, min + (2 * delta), min + (3 * delta));
            }

            result.Add(sets);
        }

        return result;
    }

    /// <summary>The kernel's default vm.lowmem_reserve_ratio for a zone kind (DMA/DMA32 256, NORMAL 32, others 0).</summary>
    public static long DefaultLowmemReserveRatio(ZoneKind kind) => kind switch
    {
        ZoneKind.Dma or ZoneKind.Dma32 => 256,
        ZoneKind.Normal => 32,
        _ => 0,
    };

    public static long[] DefaultLowmemReserveRatios(IReadOnlyList<ZoneKind> layout) =>
        layout.Select(DefaultLowmemReserveRatio).ToArray();

    // mirrors setup_per_zone_lowmem_reserve(), mm/page_alloc.c, v7.2: [node][zone i][upper zone j]
    public static IReadOnlyList<long[][]> SetupPerZoneLowmemReserve(MachineSpec machine, IReadOnlyList<long> ratios)
    {
        var result = new List<long[][]>(machine.Nodes.Count);
        foreach (var node in machine.Nodes)
        {
            var zones = node.Zones;
            var reserve = new long[zones.Count][];
            for (var i = 0; i < zones.Count; i++)
            {
                reserve[i] = new long[zones.Count];
                if (i == zones.Count - 1)
                {
                    continue;
                }

                var ratio = i < ratios.Count ? ratios[i] : 0;
                var clear = ratio <= 0 || zones[i].Managed == 0;
                long upperManaged = 0;
                for (var j = i + 1; j < zones.Count; j++)
                {
                    upperManaged += zones[j].Managed;
                    reserve[i][j] = clear ? 0 : upperManaged / ratio;
                }
            }

            result.Add(reserve);
        }

        return result;
    }

    // mirrors calculate_totalreserve_pages(), mm/page_alloc.c, v7.2: per node, sum of
    // min(managed, largest lowmem_reserve above the zone + boosted HIGH)
    public static long[] CalculateTotalreservePages(MachineSpec machine, IReadOnlyList<long[][]> lowmemReserve, IReadOnlyList<IReadOnlyList<WatermarkSet>> boostedWatermarks)
    {
        var perNode = new long[machine.Nodes.Count];
        for (var n = 0; n < machine.Nodes.Count; n++)
        {
            var zones = machine.Nodes[n].Zones;
            for (var i = 0; i < zones.Count; i++)
            {
                long max = 0;
                for (var j = i; j < zones.Count; j++)
                {
                    max = Math.Max(max, lowmemReserve[n][i][j]);
                }

                max += boostedWatermarks[n][i].High;
                perNode[n] += Math.Min(max, zones[i].Managed);
            }
        }

        return perNode;
    }
}
