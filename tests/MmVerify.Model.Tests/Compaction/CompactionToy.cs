using MmVerify.Model.Buddy;
using MmVerify.Model.Compaction;
using MmVerify.Model.Gfp;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;
using MmVerify.Model.Topology;
using MmVerify.Model.Trace;
using MmVerify.Model.Variants;

namespace MmVerify.Model.Tests.Compaction;

/// <summary>
/// Toy zones for compaction tests: geometry (4, 2) unless told, i.e. 4-page pageblocks and 16-page
/// maximum blocks, zero watermarks, and every page allocated (as an order-0 unmovable filler in a
/// movable pageblock) until the test frees the pages it wants free.
/// </summary>
internal static class CompactionToy
{
    public static BuddyGeometry Geometry { get; } = new(4, 2);

    /// <summary>A world of one zone; trace events go to a buffer; managed below pages leaves reserved pages at the bottom.</summary>
    public static World World(long pages, long cmaPages = 0, long startPfn = 0, BuddyGeometry? geometry = null, long managed = -1)
    {
        var machine = Toy.Machine(pages, geometry ?? Geometry, startPfn: startPfn, managed: managed, cmaPages: cmaPages);
        return Populate(machine);
    }

    /// <summary>A world of one node with a DMA32 zone (zone 0) below a Normal zone (zone 1); 0 pages leaves a zone unpopulated.</summary>
    public static World TwoZones(long lowPages, long highPages)
    {
        var spec = new MachineSpec([new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Dma32, 0, lowPages), ZoneSpec.Flat(ZoneKind.Normal, lowPages, highPages)])]);
        var sysctls = new VmSysctls { UserMinFreeKbytes = 128, PerCpuPages = false };
        return Populate(Machine.Boot(spec, sysctls, Geometry));
    }

    private static World Populate(Machine machine)
    {
        var world = new World(machine, VariantCatalog.Resolve("linux-7.2"), trace: new TraceBuffer());
        world.Tasks.Add(new TaskState(0, 1000, "filler", 0, 0));
        foreach (var zone in world.ZonesOf(0))
        {
            Fill(zone);
        }

        return world;
    }

    /// <summary>A bare zone, all allocated.</summary>
    public static Zone FullZone(long pages, BuddyGeometry? geometry = null)
    {
        var zone = Toy.Zone(pages, geometry ?? Geometry);
        Fill(zone);
        return zone;
    }

    public static Zone Zone(World world) => world.ZonesOf(0)[0];

    public static TraceBuffer Trace(World world) => (TraceBuffer)world.Trace;

    /// <summary>Async direct compaction in the first zone for a movable request of the given order.</summary>
    public static CompactControl DirectAsync(int order) =>
        new() { Nid = 0, ZoneIndex = 0, Order = order, MigrateType = MigrateType.Movable, Direct = true, Async = true };

    /// <summary>Frees order-0 pages; free neighbours merge as the buddy allocator merges them.</summary>
    public static void Free(Zone zone, params int[] pages)
    {
        foreach (var page in pages)
        {
            zone.FreePages(page, 0);
        }
    }

    public static void FreeRange(Zone zone, int first, int count)
    {
        for (var page = first; page < first + count; page++)
        {
            zone.FreePages(page, 0);
        }
    }

    /// <summary>Turns the order-0 filler at page into an anonymous folio on the inactive LRU.</summary>
    public static FolioRef LruPage(World world, int page) => LruFolio(world, page, 0);

    /// <summary>
    /// An anonymous folio of 2^order pages at page on the inactive LRU: the pages are freed, merge into
    /// one block (no other free block of that order may exist yet) and are allocated again as one folio.
    /// </summary>
    public static FolioRef LruFolio(World world, int page, int order)
    {
        var zone = Zone(world);
        if (order > 0)
        {
            FreeRange(zone, page, 1 << order);
            var got = zone.Rmqueue(order, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon);
            Assert.Equal(page, got);
        }

        zone.SetOwner(page, PageOwner.LruAnon);
        var folio = new FolioRef(0, page);
        FolioOps.AddToLru(world, 0, folio, order, LruList.InactiveAnon, world.Tasks[0], LruFlags.None);
        return folio;
    }

    private static void Fill(Zone zone)
    {
        zone.SetRawWatermarks(0, 0, 0, 0);
        while (zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.Unmovable) >= 0)
        {
        }
    }
}
