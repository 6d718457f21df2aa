using MmVerify.Model.Buddy;
using MmVerify.Model.Compaction;
using MmVerify.Model.Lru;

namespace MmVerify.Model.Tests.Compaction;

/// <summary>isolate_migratepages_block(), mm/compaction.c: a reserved page is passed over one pfn at a time and the LRU page right after it is still isolated.</summary>
public class CompactZoneReservedRunTests
{
    [Fact]
    public void The_LRU_page_right_after_a_reserved_page_is_migrated()
    {
        // 32-page zone with 31 managed: page 0 is reserved (PageReserved, not on the LRU: skipped, low_pfn++).
        // Page 1 is an LRU page; free pages 2 and 29 (two, so that __isolate_free_page()'s min + 1 check
        // passes): the free scanner, from the top, gives 29 and page 1 moves there.
        var world = CompactionToy.World(32, managed: 31);
        var zone = CompactionToy.Zone(world);
        Assert.Equal(PageState.Reserved, zone.StateAt(0));
        CompactionToy.LruPage(world, 1);
        CompactionToy.Free(zone, 2, 29);
        var cc = new CompactControl { Nid = 0, ZoneIndex = 0, Order = 1, MigrateType = MigrateType.Movable, Direct = true };

        CompactZone.Run(world, cc);

        Assert.Equal(1, cc.Migrated);
        Assert.True(world.Lru[0].OnLru(new FolioRef(0, 29)));
        Assert.False(world.Lru[0].OnLru(new FolioRef(0, 1)));
        Assert.Equal(PageState.FreeHead, zone.StateAt(1));
    }
}
