using MmVerify.Model.Buddy;

namespace MmVerify.Model.Watermarks;

/// <summary>What __zone_watermark_ok() reads of a zone's free_area[]: nr_free per order and which lists are empty.</summary>
public interface IFreeAreaView
{
    int MaxPageOrder { get; }

    long NrFree(int order);

    bool FreeAreaEmpty(int order, MigrateType mt);
}
