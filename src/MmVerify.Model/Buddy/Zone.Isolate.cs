using MmVerify.Model.Gfp;
using MmVerify.Model.Watermarks;

namespace MmVerify.Model.Buddy;

public sealed partial class Zone
{
    /// <summary>
    /// Takes 2^order pages at the head of the free block that starts at index (compaction's free
    /// scanner), giving the rest of the block back as smaller free blocks. Refused below the min
    /// watermark, as __isolate_free_page refuses.
    /// </summary>
    // mirrors __isolate_free_page() + split_page(), mm/page_alloc.c, v7.2
    public bool IsolateFreeBlock(int index, int order, PageOwner owner)
    {
        ref var page = ref _pages[index];
        if (page.State != PageState.FreeHead || page.Order < order)
        {
            return false;
        }

        var mt = page.ListType;
        if (mt != MigrateType.Isolate
            && !WatermarkCheck.ZoneWatermarkOk(this, 0, RawWatermark(WmarkIndex.Min) + (1L << order), 0, AllocFlags.Cma))
        {
            return false;
        }

        int current = page.Order;
        PageDelAndExpand(index, order, current, mt);
        _pages[index].State = PageState.AllocatedHead;
        _pages[index].Order = (sbyte)order;
        _pages[index].Owner = owner;
        return true;
    }

    /// <summary>Changes who holds an allocated block (migration keeps the owner).</summary>
    public void SetOwner(int index, PageOwner owner)
    {
        if (_pages[index].State != PageState.AllocatedHead)
        {
            throw new InvalidOperationException($"pfn 0x{AbsolutePfn(index):x} is not an allocated head");
        }

        _pages[index].Owner = owner;
    }
}
