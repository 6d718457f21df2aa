using MmVerify.Model.Buddy;
using MmVerify.Model.Topology;

namespace MmVerify.Specs.Scenarios;

/// <summary>Reads "machine": hz, geometry, swap and the nodes' zones.</summary>
internal static class MachineReader
{
    /// <summary>The model keeps one PageFrame per spanned page in an array.</summary>
    private const long MaxZonePages = int.MaxValue;

    /// <summary>Ten years: far beyond any wrap-around of interest, and still exact in nanoseconds.</summary>
    private const double MaxUptimeSeconds = 10 * 365.25 * 86400;

    public static ScenarioMachine Read(JsonCursor cursor)
    {
        var o = cursor.Object("hz", "geometry", "swap_mb", "uptime_s", "nodes");
        var hz = o.Optional("hz")?.Int(1, 10000) ?? ScenarioMachine.DefaultHz;
        var geometry = o.Optional("geometry") is { } g ? Geometry(g) : BuddyGeometry.X86_64;
        var swapPages = (o.Optional("swap_mb")?.Integer(0, long.MaxValue / ScenarioMachine.PagesPerMb) ?? 0) * ScenarioMachine.PagesPerMb;

        // Jiffies-based debounces care: the kernel's jiffies wrap five minutes after boot.
        var uptime = o.Optional("uptime_s")?.Number(0, MaxUptimeSeconds);

        var nodesCursor = o.Required("nodes");
        var nodeItems = nodesCursor.Array();
        if (nodeItems.Count == 0)
        {
            throw nodesCursor.Fail("a machine needs at least one node");
        }

        var nodes = new List<NodeSpec>();
        long cursorPfn = 0;
        foreach (var item in nodeItems)
        {
            var node = Node(item, nodes.Count, ref cursorPfn);
            if (nodes.Count > 0 && !node.Zones.Select(z => z.Kind).SequenceEqual(nodes[0].Zones.Select(z => z.Kind)))
            {
                // Every node has the same MAX_NR_ZONES zones in the kernel; absent ones are empty.
                throw item.Fail($"zones {Kinds(node)} differ from node 0's {Kinds(nodes[0])} (list every zone; give empty ones 0 pages)");
            }

            nodes.Add(node);
        }

        var spec = new MachineSpec(nodes);
        if (!spec.AllZones.Any(z => z.Managed > 0 && ZoneKinds.IsLowmemForWatermarks(z.Kind)))
        {
            // __setup_per_zone_wmarks divides by the lowmem pages.
            throw nodesCursor.Fail("no managed pages in any zone below HighMem (the watermarks need lowmem)");
        }

        return new ScenarioMachine(spec, geometry, hz, swapPages, uptime);
    }

    private static BuddyGeometry Geometry(JsonCursor cursor)
    {
        var o = cursor.Object("max_order", "pageblock_order");
        var maxOrder = o.Optional("max_order")?.Int(0, 20) ?? BuddyGeometry.X86_64.MaxPageOrder;
        var pageblockCursor = o.Optional("pageblock_order");
        var pageblock = pageblockCursor?.Int(0, 20) ?? Math.Min(BuddyGeometry.X86_64.PageblockOrder, maxOrder);
        if (pageblock > maxOrder)
        {
            throw pageblockCursor!.Value.Fail($"pageblock_order {pageblock} is above max_order {maxOrder}");
        }

        return new BuddyGeometry(maxOrder, pageblock);
    }

    private static NodeSpec Node(JsonCursor cursor, int id, ref long cursorPfn)
    {
        var o = cursor.Object("zones");
        var zonesCursor = o.Required("zones");
        var items = zonesCursor.Array();
        if (items.Count == 0)
        {
            throw zonesCursor.Fail("a node needs at least one zone");
        }

        var zones = new List<ZoneSpec>();
        foreach (var item in items)
        {
            var zone = Zone(item, ref cursorPfn);
            if (zones.Count > 0 && zone.Kind <= zones[^1].Kind)
            {
                throw item.Fail($"zone {ZoneKinds.Name(zone.Kind)} after {ZoneKinds.Name(zones[^1].Kind)}: zones go in index order, each once");
            }

            zones.Add(zone);
        }

        return new NodeSpec(id, zones);
    }

    private static ZoneSpec Zone(JsonCursor cursor, ref long cursorPfn)
    {
        var o = cursor.Object("kind", "pages", "mb", "spanned", "present", "managed", "start_pfn", "cma_pages");
        var kindCursor = o.Required("kind");
        var kindName = kindCursor.String();
        if (!ZoneKinds.TryParse(kindName, out var kind))
        {
            throw kindCursor.Fail($"unknown zone kind '{kindName}'");
        }

        var (spanned, present, managed) = Size(o);
        var startCursor = o.Optional("start_pfn");
        var start = startCursor?.Integer(0, long.MaxValue - MaxZonePages) ?? cursorPfn;
        if (spanned > 0)
        {
            // Empty zones sit anywhere (the kernel prints start_pfn 0 for them); populated ones must not overlap.
            if (start < cursorPfn)
            {
                throw startCursor!.Value.Fail($"start_pfn {start} overlaps the previous zone, which ends at pfn {cursorPfn}");
            }

            cursorPfn = start + spanned;
        }

        var cmaCursor = o.Optional("cma_pages");
        var cma = cmaCursor?.Integer(0, MaxZonePages) ?? 0;
        if (cma > managed)
        {
            throw cmaCursor!.Value.Fail($"cma_pages {cma} is more than the {managed} managed pages");
        }

        return new ZoneSpec(kind, start, spanned, present, managed, cma);
    }

    /// <summary>One of three forms: pages; mb (x256 pages); or spanned with optional present and managed.</summary>
    private static (long Spanned, long Present, long Managed) Size(ObjectReader o)
    {
        var forms = new[] { "pages", "mb", "spanned" }.Where(o.Has).ToArray();
        if (forms.Length != 1)
        {
            var why = forms.Length == 0 && (o.Has("present") || o.Has("managed"))
                ? "present and managed need spanned"
                : $"give exactly one of pages, mb or spanned (got {(forms.Length == 0 ? "none" : string.Join(", ", forms))})";
            throw o.Fail(why);
        }

        if (forms[0] != "spanned" && (o.Optional("present") ?? o.Optional("managed")) is { } extra)
        {
            throw extra.Fail($"present and managed go with spanned, not with {forms[0]}");
        }

        switch (forms[0])
        {
            case "pages":
                var pages = o.Required("pages").Integer(0, MaxZonePages);
                return (pages, pages, pages);
            case "mb":
                var mb = o.Required("mb").Integer(0, MaxZonePages / ScenarioMachine.PagesPerMb) * ScenarioMachine.PagesPerMb;
                return (mb, mb, mb);
        }

        var spanned = o.Required("spanned").Integer(0, MaxZonePages);
        var presentCursor = o.Optional("present");
        var present = presentCursor?.Integer(0, MaxZonePages) ?? spanned;
        if (present > spanned)
        {
            throw presentCursor!.Value.Fail($"present {present} is more than spanned {spanned}");
        }

        var managedCursor = o.Optional("managed");
        var managed = managedCursor?.Integer(0, MaxZonePages) ?? present;
        if (managed > present)
        {
            throw managedCursor!.Value.Fail($"managed {managed} is more than present {present}");
        }

        return (spanned, present, managed);
    }

    private static string Kinds(NodeSpec node) => string.Join(",", node.Zones.Select(z => ZoneKinds.Name(z.Kind)));
}
