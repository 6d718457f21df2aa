using MmVerify.Model.Buddy;
using MmVerify.Model.Topology;

namespace MmVerify.ProcFs.Tests;

/// <summary>
/// A small machine whose /proc text can be written out by hand: one node, MAX_PAGE_ORDER 3,
/// pageblock order 2 (4-page blocks); DMA32 = pfn 0..31, Normal = pfn 32..63, Movable empty.
/// min_free_kbytes 64 = 16 pages over 64 lowmem pages gives each 32-page zone tmp = 8:
/// min 8, low 10, high 12, promo 14 (delta = max(tmp/4, 32 * 10 / 10000) = 2). Movable: 32 each.
/// Ratios 4, 1, 0 give DMA32 protection (0, 32/4, 32/4) = (0, 8, 8); the others are all zero.
/// </summary>
internal static class ToyMachine
{
    public static readonly BuddyGeometry Geometry = new(3, 2);

    public static Machine Boot()
    {
        var spec = new MachineSpec(
        [
            new NodeSpec(0,
            [
                ZoneSpec.Flat(ZoneKind.Dma32, 0, 32),
                ZoneSpec.Flat(ZoneKind.Normal, 32, 32),
                ZoneSpec.Empty(ZoneKind.Movable),
            ]),
        ]);
        var sysctls = new VmSysctls { UserMinFreeKbytes = 64, ThpEnabled = false, LowmemReserveRatio = [4, 1, 0] };
        return Machine.Boot(spec, sysctls, Geometry);
    }

    /// <summary>Boot, then take one movable order-0 page from DMA32: its order-3 block splits into 4 + 2 + 1.</summary>
    public static Machine BootWithOneDma32PageTaken()
    {
        var machine = Boot();
        var page = machine.Nodes[0].Zones[0].Rmqueue(0, MigrateType.Movable, Model.Gfp.AllocFlags.None, PageOwner.LruAnon);
        Assert.True(page >= 0);
        return machine;
    }
}
