using MmVerify.Engine.Properties;
using MmVerify.Model.Buddy;
using MmVerify.Model.Topology;

namespace MmVerify.Specs.Buddy;

/// <summary>
/// buddy.conservation: every page is in exactly one place (reserved, one free block on exactly one
/// list, or one allocated block), and the zone counters equal the contents of the free lists.
/// </summary>
public sealed class BuddyConservation : IInvariant<Machine>
{
    public static PropertyInfo Property { get; } = new(
        "buddy.conservation",
        "Every page frame is in exactly one place, and nr_free, NR_FREE_PAGES, NR_FREE_CMA_PAGES, nr_free_highatomic and NR_FREE_PAGES_BLOCKS equal what the free lists hold.",
        "The watermark checks read the counters, not the lists: a counter that drifts from the lists admits or refuses allocations wrongly, and a page in two places is handed out twice.",
        "KERNEL.md 1.3 (account_freepages, __add_to_free_list); mm/page_alloc.c");

    public PropertyInfo Info => Property;

    public string? Check(Machine state)
    {
        foreach (var zone in state.Zones)
        {
            var reason = CheckZone(zone);
            if (reason is not null)
            {
                return $"node {zone.NodeId} zone {zone.Name}: {reason}";
            }
        }

        return null;
    }

    public static string? CheckZone(Zone zone)
    {
        var geometry = zone.Geometry;
        long freeHeads = 0, pcpPages = 0;
        for (var i = 0; i < zone.SpannedPages;)
        {
            var state = zone.StateAt(i);
            if (state == PageState.Reserved)
            {
                i++;
                continue;
            }

            if (state == PageState.Tail)
            {
                return $"pfn 0x{zone.PfnOf(i):x} belongs to no block";
            }

            var order = zone.OrderAt(i);
            if (order < 0 || order > geometry.MaxPageOrder)
            {
                return $"pfn 0x{zone.PfnOf(i):x} has order {order}";
            }

            var end = i + (1 << order);
            if (end > zone.SpannedPages)
            {
                return $"order-{order} block at pfn 0x{zone.PfnOf(i):x} runs past the zone end";
            }

            for (var t = i + 1; t < end; t++)
            {
                if (zone.StateAt(t) != PageState.Tail)
                {
                    return $"pfn 0x{zone.PfnOf(t):x} is in the order-{order} block at 0x{zone.PfnOf(i):x} and also {zone.StateAt(t)}";
                }
            }

            if (state == PageState.FreeHead)
            {
                freeHeads++;
            }
            else if (state == PageState.PcpHead)
            {
                pcpPages += 1L << order;
            }

            i = end;
        }

        long listed = 0, nrFreePages = 0, cma = 0, highatomic = 0, blocks = 0;
        for (var order = 0; order <= geometry.MaxPageOrder; order++)
        {
            long perOrder = 0;
            for (var t = 0; t < MigrateTypes.Count; t++)
            {
                var mt = (MigrateType)t;
                if (!zone.FreeListLinksConsistent(order, mt))
                {
                    return $"free_list[{order}][{MigrateTypes.Name(mt)}] links do not match its count";
                }

                foreach (var page in zone.FreeListPages(order, mt))
                {
                    if (zone.StateAt(page) != PageState.FreeHead || zone.OrderAt(page) != order || zone.ListTypeAt(page) != mt)
                    {
                        return $"pfn 0x{zone.PfnOf(page):x} on free_list[{order}][{MigrateTypes.Name(mt)}] is not a free order-{order} {MigrateTypes.Name(mt)} head";
                    }

                    var reason = CheckPageblockType(zone, page, order, mt);
                    if (reason is not null)
                    {
                        return reason;
                    }

                    listed++;
                    perOrder++;
                    var pages = 1L << order;
                    if (mt == MigrateType.Isolate)
                    {
                        continue;
                    }

                    nrFreePages += pages;
                    cma += mt == MigrateType.Cma ? pages : 0;
                    highatomic += mt == MigrateType.HighAtomic ? pages : 0;
                    blocks += order >= geometry.PageblockOrder ? pages : 0;
                }
            }

            if (perOrder != zone.NrFree(order))
            {
                return $"nr_free[{order}] = {zone.NrFree(order)} but the lists hold {perOrder} blocks";
            }
        }

        if (listed != freeHeads)
        {
            return $"{freeHeads} free blocks but {listed} on free lists";
        }

        // Per-CPU lists: every block there is a pcp head, and pcp->count matches.
        long onPcp = 0;
        for (var slot = 0; slot <= BuddyGeometry.CostlyOrder + 1; slot++)
        {
            // The THP slot exists only when pageblock_order is above the costly order.
            if (slot > BuddyGeometry.CostlyOrder && geometry.PageblockOrder <= BuddyGeometry.CostlyOrder)
            {
                break;
            }

            var order = slot <= BuddyGeometry.CostlyOrder ? slot : geometry.PageblockOrder;
            for (var t = 0; t < MigrateTypes.PcpTypes; t++)
            {
                foreach (var page in zone.PcpListPages(order, (MigrateType)t))
                {
                    if (zone.StateAt(page) != PageState.PcpHead || zone.OrderAt(page) != order)
                    {
                        return $"pfn 0x{zone.PfnOf(page):x} on a pcp list is not an order-{order} pcp block";
                    }

                    onPcp += 1L << order;
                }
            }
        }

        if (onPcp != pcpPages || onPcp != zone.PcpCount)
        {
            return $"pcp->count = {zone.PcpCount}, pcp blocks hold {pcpPages} pages, the pcp lists {onPcp}";
        }

        return Compare("NR_FREE_PAGES", zone.NrFreePages, nrFreePages)
            ?? Compare("NR_FREE_CMA_PAGES", zone.NrFreeCmaPages, cma)
            ?? Compare("nr_free_highatomic", zone.NrFreeHighatomic, highatomic)
            ?? Compare("NR_FREE_PAGES_BLOCKS", zone.NrFreePagesBlocks, blocks);
    }

    // __add_to_free_list warns when a block is put on a list other than its pageblock's type.
    private static string? CheckPageblockType(Zone zone, int page, int order, MigrateType mt)
    {
        var span = order >= zone.Geometry.PageblockOrder ? 1 << (order - zone.Geometry.PageblockOrder) : 1;
        var first = zone.PageblockOf(page);
        for (var b = first; b < first + span; b++)
        {
            if (zone.PageblockMigratetype(b) != mt)
            {
                return $"pfn 0x{zone.PfnOf(page):x} is on a {MigrateTypes.Name(mt)} list but its pageblock is {MigrateTypes.Name(zone.PageblockMigratetype(b))}";
            }
        }

        return null;
    }

    private static string? Compare(string counter, long value, long actual) =>
        value == actual ? null : $"{counter} = {value} but the lists hold {actual} pages";
}
