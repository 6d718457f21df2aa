namespace MmVerify.Model.Buddy;

/// <summary>
/// Orders and pageblock size. x86_64 has MAX_PAGE_ORDER 10 and pageblock_order 9; a toy zone
/// for exhaustive search may use fewer orders with the same code.
/// </summary>
public readonly record struct BuddyGeometry
{
    public BuddyGeometry(int maxPageOrder, int pageblockOrder)
    {
        if (maxPageOrder is < 0 or > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPageOrder), "MAX_PAGE_ORDER must be in 0..20");
        }

        if (pageblockOrder < 0 || pageblockOrder > maxPageOrder)
        {
            throw new ArgumentOutOfRangeException(nameof(pageblockOrder), "pageblock_order must be in 0..MAX_PAGE_ORDER");
        }

        MaxPageOrder = maxPageOrder;
        PageblockOrder = pageblockOrder;
    }

    /// <summary>x86_64 with 4 KiB pages: MAX_PAGE_ORDER 10, pageblock_order 9.</summary>
    public static BuddyGeometry X86_64 { get; } = new(10, 9);

    public int MaxPageOrder { get; }

    public int PageblockOrder { get; }

    /// <summary>NR_PAGE_ORDERS.</summary>
    public int NrPageOrders => MaxPageOrder + 1;

    public int PageblockNrPages => 1 << PageblockOrder;

    public int MaxOrderNrPages => 1 << MaxPageOrder;

    /// <summary>PAGE_ALLOC_COSTLY_ORDER: orders above it are costly.</summary>
    public const int CostlyOrder = 3;
}
