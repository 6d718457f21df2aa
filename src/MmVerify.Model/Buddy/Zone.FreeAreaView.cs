using MmVerify.Model.Watermarks;

namespace MmVerify.Model.Buddy;

// The zone as the watermark check reads its free areas.
public sealed partial class Zone : IFreeAreaView
{
    int IFreeAreaView.MaxPageOrder => Geometry.MaxPageOrder;

    bool IFreeAreaView.FreeAreaEmpty(int order, MigrateType mt) => FreeAreaEmpty(order, mt);
}
