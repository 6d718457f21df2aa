using MmVerify.Model.Buddy;
using MmVerify.Model.Compaction;
using MmVerify.Model.Sim;

namespace MmVerify.Model.Tests.Compaction;

/// <summary>isolate_freepages_block(), mm/compaction.c: tail pages of a compound page (compound_order() 0) are scanned one pfn at a time; a head is counted once and jumped past.</summary>
public class CompactZoneFreeScannerTailTests
{
    [Fact]
    public void Tail_pages_at_the_start_of_a_pageblock_are_each_counted_as_free_scanned()
    {
        // An allocated order-3 page at 24..31 spans the top two pageblocks; 28..31 were an order-2 free
        // block before they merged into it. LRU page at 0, free pages 1 and 20 (two, so that
        // __isolate_free_page()'s min + 1 check passes), order-1 request.
        // Free scanner: block 28..31 = four tail pages, 1 each (4); block 24: the head, counted once and
        // jumped past (1); block 20: the free page at 20 is isolated and is enough (1). Total 6.
        var world = CompactionToy.World(32);
        var zone = CompactionToy.Zone(world);
        CompactionToy.FreeRange(zone, 28, 4);
        CompactionToy.FreeRange(zone, 24, 4);
        Assert.Equal(24, zone.Rmqueue(3, MigrateType.Movable, Gfp.AllocFlags.None, PageOwner.Unmovable));
        CompactionToy.LruPage(world, 0);
        CompactionToy.Free(zone, 1, 20);
        var cc = new CompactControl { Nid = 0, ZoneIndex = 0, Order = 1, MigrateType = MigrateType.Movable, Direct = true };

        CompactZone.Run(world, cc);

        Assert.Equal(1, cc.Migrated);
        Assert.Equal(6, cc.FreeScanned);
        Assert.Equal(6, world.Vm[VmEvent.CompactFreeScanned]);
    }
}
