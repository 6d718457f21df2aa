using MmVerify.Model.Buddy;
using MmVerify.Model.Watermarks;

namespace MmVerify.Model.Topology;

/// <summary>
/// The whole memory of a machine: nodes, zones and the vm sysctls. Booting computes the
/// watermarks as init_per_zone_wmark_min does; sysctl writes recompute them as their handlers do.
/// </summary>
public sealed class Machine
{
    private Machine(MachineSpec spec, BuddyGeometry geometry, VmSysctls sysctls, PgData[] nodes)
    {
        Spec = spec;
        Geometry = geometry;
        Sysctls = sysctls;
        Nodes = nodes;
    }

    public MachineSpec Spec { get; }

    public BuddyGeometry Geometry { get; }

    public VmSysctls Sysctls { get; }

    public IReadOnlyList<PgData> Nodes { get; }

    public IEnumerable<Zone> Zones => Nodes.SelectMany(n => n.Zones);

    /// <summary>
    /// Builds the zones with all managed pages free and sets the watermarks. If the sysctls carry a
    /// user min_free_kbytes (UserMinFreeKbytes >= 0) it is used as written; otherwise the boot default.
    /// </summary>
    // mirrors init_per_zone_wmark_min(), mm/page_alloc.c, v7.2 (+ khugepaged's raise when THP is on)
    public static Machine Boot(MachineSpec spec, VmSysctls sysctls, BuddyGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(sysctls);
        var nodes = spec.Nodes
            .Select(n => new PgData(n.Id, n.Zones.Select((z, i) => new Zone(n.Id, i, z, geometry, n.Zones.Count, sysctls)).ToArray()))
            .ToArray();
        var machine = new Machine(spec, geometry, sysctls, nodes);

        if (sysctls.UserMinFreeKbytes < 0)
        {
            sysctls.MinFreeKbytes = WatermarkSetup.DefaultMinFreeKbytes(spec, sysctls.ThpEnabled, sysctls.WatermarkScaleFactor, geometry.PageblockNrPages);
        }
        else
        {
            sysctls.MinFreeKbytes = sysctls.UserMinFreeKbytes;
        }

        sysctls.LowmemReserveRatio ??= machine.DefaultLowmemReserveRatios();
        machine.SetupPerZoneWmarks();
        machine.SetupPerZoneLowmemReserve();
        return machine;
    }

    // mirrors setup_per_zone_wmarks(), mm/page_alloc.c, v7.2: recompute; every boost is cleared
    public void SetupPerZoneWmarks()
    {
        var sets = WatermarkSetup.SetupPerZoneWmarks(Spec, Sysctls.MinFreeKbytes, Sysctls.WatermarkScaleFactor);
        foreach (var node in Nodes)
        {
            var n = IndexOf(node);
            foreach (var zone in node.Zones)
            {
                var w = sets[n][zone.ZoneIndex];
                zone.SetRawWatermarks(w.Min, w.Low, w.High, w.Promo);
                zone.WatermarkBoost = 0;
            }
        }

        CalculateTotalreservePages();
    }

    // mirrors setup_per_zone_lowmem_reserve(), mm/page_alloc.c, v7.2
    public void SetupPerZoneLowmemReserve()
    {
        // null is the kernel's built-in sysctl_lowmem_reserve_ratio table, as at boot
        var reserve = WatermarkSetup.SetupPerZoneLowmemReserve(Spec, Sysctls.LowmemReserveRatio ?? DefaultLowmemReserveRatios());
        foreach (var node in Nodes)
        {
            var n = IndexOf(node);
            foreach (var zone in node.Zones)
            {
                Array.Copy(reserve[n][zone.ZoneIndex], zone.LowmemReserve, zone.LowmemReserve.Length);
            }
        }

        CalculateTotalreservePages();
    }

    // sysctl_lowmem_reserve_ratio's initializer (mm/page_alloc.c, v7.2) for the first node's zone layout
    private long[] DefaultLowmemReserveRatios() =>
        WatermarkSetup.DefaultLowmemReserveRatios(Spec.Nodes[0].Zones.Select(z => z.Kind).ToArray());

    // mirrors min_free_kbytes_sysctl_handler(), mm/page_alloc.c, v7.2
    public void WriteMinFreeKbytes(long kbytes)
    {
        Sysctls.MinFreeKbytes = kbytes;
        Sysctls.UserMinFreeKbytes = kbytes;
        SetupPerZoneWmarks();
    }

    // mirrors watermark_scale_factor_sysctl_handler(), mm/page_alloc.c, v7.2
    public void WriteWatermarkScaleFactor(long factor)
    {
        Sysctls.WatermarkScaleFactor = factor;
        SetupPerZoneWmarks();
    }

    // mirrors lowmem_reserve_ratio_sysctl_handler(), mm/page_alloc.c, v7.2: values below 1 become 0
    public void WriteLowmemReserveRatio(IReadOnlyList<long> ratios)
    {
        Sysctls.LowmemReserveRatio = ratios.Select(r => r < 1 ? 0 : r).ToArray();
        SetupPerZoneLowmemReserve();
    }

    // mirrors calculate_totalreserve_pages(), mm/page_alloc.c, v7.2
    private void CalculateTotalreservePages()
    {
        var reserve = Nodes.Select(n => n.Zones.Select(z => (long[])z.LowmemReserve.Clone()).ToArray()).ToArray();
        var boosted = Nodes.Select(n => (IReadOnlyList<WatermarkSet>)n.Zones
            .Select(z => new WatermarkSet(z.MinWmarkPages, z.LowWmarkPages, z.HighWmarkPages, z.PromoWmarkPages)).ToArray()).ToArray();
        var perNode = WatermarkSetup.CalculateTotalreservePages(Spec, reserve, boosted);
        for (var n = 0; n < Nodes.Count; n++)
        {
            Nodes[n].TotalreservePages = perNode[n];
        }
    }

    /// <summary>totalreserve_pages.</summary>
    public long TotalreservePages => Nodes.Sum(n => n.TotalreservePages);

    private int IndexOf(PgData node)
    {
        for (var i = 0; i < Nodes.Count; i++)
        {
            if (ReferenceEquals(Nodes[i], node))
            {
                return i;
            }
        }

        throw new InvalidOperationException("node not in machine");
    }

    public Machine Clone()
    {
        var sysctls = Sysctls.Clone();
        return new Machine(Spec, Geometry, sysctls, Nodes.Select(n => n.Clone(sysctls)).ToArray());
    }
}
