using MmVerify.Model.Buddy;
using MmVerify.Model.Watermarks;

namespace MmVerify.Specs.Explore;

/// <summary>Free areas for __zone_watermark_ok at order 0, where they are never consulted.</summary>
internal sealed class NoFreeAreas : IFreeAreaView
{
    public static readonly NoFreeAreas Instance = new();

    public int MaxPageOrder => 0;

    public long NrFree(int order) => 0;

    public bool FreeAreaEmpty(int order, MigrateType mt) => true;
}
