using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;
using MmVerify.Model.Topology;

namespace MmVerify.Model.Tests.Buddy;

// A zone snapshot (Zone.Clone) carries every piece of state: lists, counters, pageblock bits, watermarks,
// boost, flags, the highatomic reserve and the pcp lists with their batch and high; and shares none of it.
public class ZoneCloneTests
{
    private const AllocFlags AtomicHighOrder = AllocFlags.MinReserve | AllocFlags.NonBlock | AllocFlags.HighAtomic | AllocFlags.Kswapd;

    private static Zone BusyZone()
    {
        var zone = Toy.Machine(65536, BuddyGeometry.X86_64, cmaPages: 1024, perCpuPages: true).Nodes[0].Zones[0];
        zone.SetRawWatermarks(100, 200, 300, 300);
        var atomic = zone.Rmqueue(3, MigrateType.Unmovable, AtomicHighOrder, PageOwner.NetBuffer);
        zone.ReserveHighatomicPageblock(atomic, 3);
        zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon); // fills a pcp list
        Assert.True(zone.IsolatePageblock(20));
        zone.WatermarkBoost = 7;
        zone.Flags = ZoneFlags.BoostedWatermark;
        zone.LowmemReserve[0] = 5;
        return zone;
    }

    private static object[] Observe(Zone z) =>
    [
        z.NrFreePages, z.NrFreeCmaPages, z.NrFreeHighatomic, z.NrFreePagesBlocks, z.NrReservedHighatomic,
        z.WatermarkBoost, z.Flags, z.LowmemReserve[0], z.PcpCount, z.PcpBatch, z.PcpHigh,
        z.RawWatermark(WmarkIndex.Min), z.RawWatermark(WmarkIndex.Low),
        z.RawWatermark(WmarkIndex.High), z.RawWatermark(WmarkIndex.Promo),
        string.Join(",", Toy.BuddyInfo(z)),
        string.Join(",", Enumerable.Range(0, z.PageblockCount).Select(b => z.PageblockMigratetype(b))),
        string.Join(",", z.PcpListPages(0, MigrateType.Movable)),
        string.Join(",", z.Blocks().Select(b => $"{b.Index}:{b.Order}:{b.State}:{b.ListType}:{b.Owner}")),
        z.StartPfn, z.SpannedPages, z.NodeId, z.ZoneIndex,
    ];

    [Fact]
    public void A_clone_shows_the_same_state()
    {
        var zone = BusyZone();

        var copy = zone.Clone(new VmSysctls { PerCpuPages = true });

        Assert.Equal(Observe(zone), Observe(copy));
    }

    [Fact]
    public void A_clone_behaves_the_same_afterwards()
    {
        var zone = BusyZone();
        var copy = zone.Clone(new VmSysctls { PerCpuPages = true });

        // The same allocations (pcp refill, pcp hit, fallback, highatomic) land on the same pages.
        foreach (var z in new[] { zone, copy })
        {
            z.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon);
            z.Rmqueue(2, MigrateType.Unmovable, AllocFlags.None, PageOwner.Slab);
            z.Rmqueue(1, MigrateType.Unmovable, AtomicHighOrder, PageOwner.NetBuffer);
            z.DrainPages();
        }

        Assert.Equal(Observe(zone), Observe(copy));
    }

    [Fact]
    public void Changing_a_clone_leaves_the_original_alone()
    {
        var zone = BusyZone();
        var before = Observe(zone);
        var copy = zone.Clone(new VmSysctls { PerCpuPages = true });

        copy.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon);
        copy.Rmqueue(10, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon);
        copy.UnisolatePageblock(20);
        copy.UnreserveHighatomicPageblock(MigrateType.Movable, force: true);
        copy.SetRawWatermarks(1, 2, 3, 4);
        copy.LowmemReserve[0] = 9;
        copy.DrainPages();

        Assert.Equal(before, Observe(zone));
    }
}
