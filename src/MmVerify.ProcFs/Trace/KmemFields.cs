using MmVerify.Model.Trace;
using static MmVerify.ProcFs.KernelPrintf;
using static MmVerify.ProcFs.Trace.TraceFields;

namespace MmVerify.ProcFs.Trace;

/// <summary>kmem tracepoints (include/trace/events/kmem.h).</summary>
internal static class KmemFields
{
    // The model has no struct pages. A fake but stable address stands in for page=%p: the x86_64
    // vmemmap base plus pfn * sizeof(struct page), printed raw with 0x as trace-cmd shows pointers.
    private const ulong VmemmapBase = 0xffffea0000000000;
    private const ulong StructPageSize = 64;

    // A NULL %p prints as 16 zeros in the kernel's own output (vsprintf prints NULL unhashed,
    // zero-padded); trace-cmd would show "(nil)" via glibc. The parser accepts both.
    private const string NullPage = "0000000000000000";

    // mirrors TP_printk of mm_page_alloc_extfrag, include/trace/events/kmem.h, v7.2
    public static string PageAllocExtfrag(PageAllocExtfragEvent e) =>
        $"page={FakePage(e.Pfn)} pfn=0x{Hex(e.Pfn)} alloc_order={Decimal(e.AllocOrder)} fallback_order={Decimal(e.FallbackOrder)} "
        + $"pageblock_order={Decimal(e.PageblockOrder)} alloc_migratetype={Decimal(e.AllocMigratetype)} "
        + $"fallback_migratetype={Decimal(e.FallbackMigratetype)} fragmenting={Bit(e.Fragmenting)} change_ownership={Bit(e.ChangeOwnership)}";

    // mirrors TP_printk of mm_page_alloc, include/trace/events/kmem.h, v7.2, for a failed allocation
    // (no page: page prints NULL and pfn 0)
    public static string PageAllocFail(PageAllocFailEvent e) =>
        $"page={NullPage} pfn=0x0 order={Decimal(e.Order)} migratetype={Decimal(e.Migratetype)} gfp_flags={GfpFlagNames.Format(e.Gfp)}";

    /// <summary>The stand-in struct page address of a pfn (see VmemmapBase).</summary>
    public static string FakePage(long pfn)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pfn);
        return "0x" + Hex((long)(VmemmapBase + ((ulong)pfn * StructPageSize)));
    }
}
