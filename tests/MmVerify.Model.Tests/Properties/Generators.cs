using FsCheck;
using FsCheck.Fluent;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Topology;
using MmVerify.Specs.Workloads;

namespace MmVerify.Model.Tests.Properties;

/// <summary>One node with one or two zones, small enough that frees really merge.</summary>
public sealed record ZoneShape(int MaxOrder, int PageblockOrder, long StartPfn, int Pages, int Reserved, int CmaPageblocks, int SecondZonePages, bool PerCpuPages = false)
{
    public BuddyGeometry Geometry => new(MaxOrder, PageblockOrder);

    public BuddyWorld Boot(IBuddyOps? ops = null)
    {
        var cma = Math.Min((long)CmaPageblocks << PageblockOrder, Pages - Reserved);
        var zones = new List<ZoneSpec> { new(ZoneKind.Normal, StartPfn, Pages, Pages, Pages - Reserved, cma) };
        if (SecondZonePages > 0)
        {
            // A lower zone right below, so zone boundaries sit between buddies.
            zones.Insert(0, new ZoneSpec(ZoneKind.Dma32, StartPfn - SecondZonePages, SecondZonePages, SecondZonePages, SecondZonePages));
        }

        var sysctls = new VmSysctls { UserMinFreeKbytes = 512, PerCpuPages = PerCpuPages };
        return new BuddyWorld(Machine.Boot(new MachineSpec([new NodeSpec(0, zones)]), sysctls, Geometry), ops);
    }

    public override string ToString() =>
        $"zone(max_order {MaxOrder}, pageblock_order {PageblockOrder}, start_pfn {StartPfn}, pages {Pages}, reserved {Reserved}, cma_blocks {CmaPageblocks}, dma32 {SecondZonePages}, pcp {PerCpuPages})";
}

internal static class Generators
{
    private static readonly AllocFlags[] FlagChoices =
    [
        AllocFlags.None,
        AllocFlags.Kswapd,
        AllocFlags.Cma | AllocFlags.Kswapd,
        AllocFlags.NoFragment | AllocFlags.Kswapd,
        AllocFlags.MinReserve | AllocFlags.NonBlock | AllocFlags.Kswapd,
        AllocFlags.MinReserve | AllocFlags.NonBlock | AllocFlags.HighAtomic | AllocFlags.Kswapd,
        AllocFlags.Oom,
    ];

    private static readonly PageOwner[] Owners = [PageOwner.Unmovable, PageOwner.Slab, PageOwner.LruFile, PageOwner.LruAnon, PageOwner.NetBuffer, PageOwner.Pinned];

    public static Gen<ZoneShape> Shape { get; } =
        from maxOrder in Gen.Choose(2, 10)
        from pbOrder in Gen.Choose(1, maxOrder)
        from pages in Gen.Choose(16, 2048)
        from startPfn in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, 4096)))
        from reserved in Gen.Choose(0, pages / 8)
        from cma in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 2)))
        from second in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(16, 256)))
        from pcp in Gen.Elements(false, true)
        select new ZoneShape(maxOrder, pbOrder, (long)startPfn + second, pages, reserved, cma, second, pcp);

    // Smaller zones first, then no reservation, no CMA, no second zone.
    private static IEnumerable<ZoneShape> ShrinkShape(ZoneShape s)
    {
        if (s.SecondZonePages > 0)
        {
            yield return s with { SecondZonePages = 0, StartPfn = s.StartPfn - s.SecondZonePages };
        }

        if (s.Pages >= 32)
        {
            yield return s with { Pages = s.Pages / 2, Reserved = s.Reserved / 2 };
        }

        if (s.CmaPageblocks > 0)
        {
            yield return s with { CmaPageblocks = 0 };
        }

        if (s.PerCpuPages)
        {
            yield return s with { PerCpuPages = false };
        }

        if (s.Reserved > 0)
        {
            yield return s with { Reserved = 0 };
        }
    }

    public static Gen<BuddyOp> Op { get; } = Gen.Frequency(
        (6, from zone in Gen.Choose(0, 1)
            from order in Gen.Frequency((6, Gen.Constant(0)), (3, Gen.Choose(1, 3)), (1, Gen.Choose(0, 10)))
            from mt in Gen.Elements(MigrateType.Unmovable, MigrateType.Movable, MigrateType.Reclaimable)
            from flags in Gen.Elements(FlagChoices)
            from owner in Gen.Elements(Owners)
            select (BuddyOp)new BuddyOp.Alloc(zone, order, mt, flags, owner)),
        (5, from which in Gen.Choose(0, 1000) select (BuddyOp)new BuddyOp.Free(which)),
        (1, from zone in Gen.Choose(0, 1) from pb in Gen.Choose(0, 64) select (BuddyOp)new BuddyOp.Isolate(zone, pb)),
        (1, from zone in Gen.Choose(0, 1) from pb in Gen.Choose(0, 64) select (BuddyOp)new BuddyOp.Unisolate(zone, pb)),
        (1, from zone in Gen.Choose(0, 1)
            from mt in Gen.Elements(MigrateType.Unmovable, MigrateType.Movable, MigrateType.Reclaimable)
            from force in Gen.Elements(true, false)
            select (BuddyOp)new BuddyOp.UnreserveHighatomic(zone, mt, force)));

    private static IEnumerable<BuddyOp> ShrinkOp(BuddyOp op)
    {
        if (op is BuddyOp.Alloc a)
        {
            if (a.Order > 0)
            {
                yield return a with { Order = a.Order - 1 };
            }

            if (a.Flags != AllocFlags.None)
            {
                yield return a with { Flags = AllocFlags.None };
            }
        }
    }

    public static Arbitrary<ZoneShape> ShapeArb { get; } = Arb.From(Shape, ShrinkShape);

    /// <summary>Operation lists that shrink by dropping operations and simplifying each.</summary>
    public static Arbitrary<List<BuddyOp>> OpsArb { get; } =
        ArbMap.Default.MergeArb(Arb.From(Op, ShrinkOp)).ArbFor<List<BuddyOp>>();
}
