using MmVerify.Model.Topology;
using MmVerify.Model.Watermarks;
using MmVerify.ProcFs;

namespace MmVerify.Cli.Watermarks;

/// <summary>
/// Recomputes every zone's watermarks and protection from the file's memory layout and the sysctls,
/// exactly as the kernel would after writing those sysctls, and sets them beside the file's values.
/// </summary>
internal static class WatermarkComparer
{
    public static WatermarkReport Compare(Zoneinfo zoneinfo, SysctlRequest request, string sourceName)
    {
        if (zoneinfo.Zones.Count == 0)
        {
            throw new BadInputException($"{sourceName}: no zones");
        }

        var spec = zoneinfo.ToMachineSpec();
        if (!spec.AllZones.Any(z => ZoneKinds.IsLowmemForWatermarks(z.Kind) && z.Managed > 0))
        {
            // __setup_per_zone_wmarks() divides by the lowmem pages: no real kernel boots like this.
            throw new BadInputException($"{sourceName}: no zone below HIGHMEM/MOVABLE has managed pages");
        }

        var sysctls = Resolve(spec, request);
        var watermarks = WatermarkSetup.SetupPerZoneWmarks(spec, sysctls.MinFreeKbytes, sysctls.WatermarkScaleFactor);
        var reserve = WatermarkSetup.SetupPerZoneLowmemReserve(spec, sysctls.LowmemReserveRatio);

        var zones = new List<ZoneComparison>(zoneinfo.Zones.Count);
        for (var n = 0; n < spec.Nodes.Count; n++)
        {
            var fileZones = zoneinfo.Zones.Where(z => z.Node == spec.Nodes[n].Id).ToArray();
            for (var i = 0; i < fileZones.Length; i++)
            {
                var file = fileZones[i];

                // The kernel prints _watermark[] + watermark_boost; the boost is state, not arithmetic.
                var computed = watermarks[n][i].Boosted(file.Boost);
                zones.Add(new ZoneComparison(
                    file.Node,
                    file.Kind,
                    file.Managed,
                    file.Boost,
                    new ZoneValues(computed.Min, computed.Low, computed.High, file.Promo.HasValue ? computed.Promo : null, reserve[n][i]),
                    new ZoneValues(file.Min, file.Low, file.High, file.Promo, file.Protection)));
            }
        }

        return new WatermarkReport(sysctls, zones);
    }

    private static AppliedSysctls Resolve(MachineSpec spec, SysctlRequest request)
    {
        var wsf = request.WatermarkScaleFactor ?? SysctlInput.DefaultWatermarkScaleFactor;
        var (minFree, rule) = request.MinFreeKbytes is { } given
            ? (given, "given")
            : MinFreeKbytesDefault.Compute(spec, wsf);
        var (ratios, ratioSource) = ResolveRatios(spec, request.LowmemReserveRatio);
        return new AppliedSysctls(
            minFree,
            rule,
            wsf,
            request.WatermarkScaleFactor.HasValue ? "given" : "default",
            ratios,
            ratioSource);
    }

    /// <summary>
    /// sysctl_lowmem_reserve_ratio[] has one value per zone index. A shorter write changes only the first
    /// values (proc_dointvec stops at the end of the input), so the rest keep the kernel defaults; a longer
    /// one cannot describe this machine and is bad input.
    /// </summary>
    private static (long[] Ratios, string Source) ResolveRatios(MachineSpec spec, IReadOnlyList<long>? given)
    {
        var layout = spec.Nodes.MaxBy(n => n.Zones.Count)!.Zones.Select(z => z.Kind).ToArray();
        var ratios = WatermarkSetup.DefaultLowmemReserveRatios(layout);
        if (given is null)
        {
            return (ratios, "default");
        }

        if (given.Count > ratios.Length)
        {
            throw new BadInputException(
                $"--lowmem-reserve-ratio: {given.Count} values, but the file has {ratios.Length} zones per node");
        }

        for (var i = 0; i < given.Count; i++)
        {
            ratios[i] = given[i];
        }

        var source = given.Count == ratios.Length
            ? "given"
            : $"given for the first {given.Count} of {ratios.Length} zones, kernel defaults after";
        return (ratios, source);
    }
}
