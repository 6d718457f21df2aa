namespace MmVerify.Model.Buddy;

public sealed partial class Zone
{
    // mirrors reserve_highatomic_pageblock(), mm/page_alloc.c, v7.2: called after an ALLOC_HIGHATOMIC allocation
    public void ReserveHighatomicPageblock(int page, int order)
    {
        // At most about 1% of the zone; nothing if 1% is below one pageblock.
        var onePercent = ManagedPages / 100;
        if (onePercent < Geometry.PageblockNrPages)
        {
            return;
        }

        var maxManaged = AlignUp(onePercent, Geometry.PageblockNrPages);
        if (NrReservedHighatomic >= maxManaged)
        {
            return;
        }

        var pageblock = PageblockOf(page);
        var mt = PageblockMigratetype(pageblock);
        if (!MigrateTypes.IsMergeable(mt))
        {
            return;
        }

        if (order < Geometry.PageblockOrder)
        {
            if (MoveFreepagesBlock(pageblock, mt, MigrateType.HighAtomic) == -1)
            {
                return;
            }

            NrReservedHighatomic += Geometry.PageblockNrPages;
        }
        else
        {
            ChangePageblockRange(page, order, MigrateType.HighAtomic);
            NrReservedHighatomic += 1L << order;
        }
    }

    /// <summary>
    /// Gives one reserved HIGHATOMIC pageblock of this zone back to the requester's type.
    /// The kernel walks the zonelist; the caller does that and calls this per zone.
    /// </summary>
    // mirrors the per-zone body of unreserve_highatomic_pageblock(), mm/page_alloc.c, v7.2
    public bool UnreserveHighatomicPageblock(MigrateType requester, bool force)
    {
        // Keep at least one pageblock unless memory pressure is really high.
        if (!force && NrReservedHighatomic <= Geometry.PageblockNrPages)
        {
            return false;
        }

        for (var order = 0; order <= Geometry.MaxPageOrder; order++)
        {
            var page = FirstOnList(order, MigrateType.HighAtomic);
            if (page == NoPage)
            {
                continue;
            }

            var size = Math.Max(Geometry.PageblockNrPages, 1L << order);
            NrReservedHighatomic -= Math.Min(size, NrReservedHighatomic);

            int moved;
            if (order < Geometry.PageblockOrder)
            {
                moved = MoveFreepagesBlock(PageblockOf(page), MigrateType.HighAtomic, requester);
            }
            else
            {
                MoveToFreeList(page, order, MigrateType.HighAtomic, requester);
                ChangePageblockRange(page, order, requester);
                moved = 1;
            }

            if (moved > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static long AlignUp(long value, long alignment) => (value + alignment - 1) / alignment * alignment;
}
