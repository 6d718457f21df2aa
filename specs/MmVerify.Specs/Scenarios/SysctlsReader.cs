using System.Text.Json;
using MmVerify.Model.Topology;
using MmVerify.Model.Watermarks;

namespace MmVerify.Specs.Scenarios;

/// <summary>Reads "sysctls", refusing what the kernel's write handlers refuse (ranges as in their proc_dointvec_minmax).</summary>
internal static class SysctlsReader
{
    public static ScenarioSysctls Read(JsonCursor? cursor, MachineSpec machine)
    {
        if (cursor is not { } c)
        {
            return new ScenarioSysctls();
        }

        var o = c.Object("min_free_kbytes", "watermark_scale_factor", "watermark_boost_factor", "lowmem_reserve_ratio",
            "defrag_mode", "high_order_alloc_disable", "thp", "numa_balancing_memory_tiering", "compaction", "page_group_by_mobility_disabled");
        return new ScenarioSysctls
        {
            MinFreeKbytes = o.Optional("min_free_kbytes") is { } m ? MinFreeKbytes(m) : null,
            WatermarkScaleFactor = o.Optional("watermark_scale_factor")?.Integer(1, 3000) ?? 10,
            WatermarkBoostFactor = o.Optional("watermark_boost_factor")?.Integer(0, int.MaxValue) ?? 15000,
            LowmemReserveRatio = o.Optional("lowmem_reserve_ratio") is { } r ? LowmemReserveRatio(r, machine) : null,
            DefragMode = o.Optional("defrag_mode") is { } d && Switch(d),
            HighOrderAllocDisable = o.Optional("high_order_alloc_disable") is { } h && Switch(h),
            Thp = o.Optional("thp") is { } t ? Thp(t) : null,
            NumaBalancingMemoryTiering = o.Optional("numa_balancing_memory_tiering") is { } n && Switch(n),
            Compaction = o.Optional("compaction") is not { } k || Switch(k),
            PageGroupByMobilityDisabled = o.Optional("page_group_by_mobility_disabled") is { } g && Switch(g),
        };
    }

    /// <summary>A number, or "default" for what the kernel computes at boot.</summary>
    private static long? MinFreeKbytes(JsonCursor c)
    {
        if (c.Element.ValueKind == JsonValueKind.String)
        {
            return c.String() == "default" ? null : throw c.Fail($"expected an integer or \"default\", got {JsonCursor.Describe(c.Element)}");
        }

        return c.Integer(0, int.MaxValue);
    }

    // mirrors lowmem_reserve_ratio_sysctl_handler(): ints, below 1 means 0; a short write keeps the rest
    private static long[] LowmemReserveRatio(JsonCursor c, MachineSpec machine)
    {
        var kinds = machine.Nodes[0].Zones.Select(z => z.Kind).ToArray();
        var items = c.Array();
        if (items.Count == 0 || items.Count > kinds.Length)
        {
            throw c.Fail($"{items.Count} values for {kinds.Length} zones per node (give 1..{kinds.Length})");
        }

        var ratios = WatermarkSetup.DefaultLowmemReserveRatios(kinds);
        for (var i = 0; i < items.Count; i++)
        {
            var v = items[i].Integer(int.MinValue, int.MaxValue);
            ratios[i] = v < 1 ? 0 : v;
        }

        return ratios;
    }

    /// <summary>A switch: 0, 1, false or true.</summary>
    private static bool Switch(JsonCursor c) => c.Element.ValueKind switch
    {
        JsonValueKind.Number => c.Integer(0, 1) == 1,
        JsonValueKind.True or JsonValueKind.False => c.Bool(),
        _ => throw c.Fail($"expected 0, 1, false or true, got {JsonCursor.Describe(c.Element)}"),
    };

    private static ThpMode Thp(JsonCursor c)
    {
        var text = c.String();
        return KebabCase.TryParse<ThpMode>(text, out var mode) ? mode : throw c.Fail($"unknown thp mode '{text}' (always, madvise or never)");
    }
}
