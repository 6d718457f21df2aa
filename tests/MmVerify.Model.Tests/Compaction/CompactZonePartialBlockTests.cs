using MmVerify.Model.Buddy;
using MmVerify.Model.Compaction;
using MmVerify.Model.Lru;

namespace MmVerify.Model.Tests.Compaction;

// checks isolate_migratepages(), mm/compaction.c: when the zone starts inside a pageblock, the first
// block is clamped to zone_start_pfn and still scanned (block_start_pfn = max(pageblock start, zone start))
public class CompactZonePartialBlockTests
{
    [Fact]
    public void The_partial_first_pageblock_of_an_unaligned_zone_is_scanned()
    {
        // Zone at pfn 2 (4-page pageblocks): its first block is pfn 2..3 only. The LRU page at pfn 2 moves
        // to the free page at pfn 31, and pfn 2..3 become a free order-1 block: SUCCESS.
        var world = CompactionToy.World(30, startPfn: 2);
        var zone = CompactionToy.Zone(world);
        CompactionToy.LruPage(world, 0);
        CompactionToy.Free(zone, 1, 29);
        // The cached scanner positions at the zone edges, as reset_cached_positions() leaves them.
        world.Compaction[0][0].CachedMigrate[1] = -2;
        world.Compaction[0][0].CachedFree = 26;
        var cc = new CompactControl { Nid = 0, ZoneIndex = 0, Order = 1, MigrateType = MigrateType.Movable, Direct = true };

        var result = CompactZone.Run(world, cc);

        Assert.Equal(CompactResult.Success, result);
        Assert.Equal(1, cc.Migrated);
        Assert.True(world.Lru[0].OnLru(new FolioRef(0, 29)));
    }

    [Fact]
    public void A_skip_hint_on_the_partial_first_pageblock_is_not_read()
    {
        // isolate_migratepages() checks isolation_suitable() only when low_pfn is pageblock aligned; the
        // clamped start pfn 2 is not, so a skip bit on pageblock 0 does not stop the scan: SUCCESS as above.
        var world = CompactionToy.World(30, startPfn: 2);
        var zone = CompactionToy.Zone(world);
        CompactionToy.LruPage(world, 0);
        CompactionToy.Free(zone, 1, 29);
        var state = world.Compaction[0][0];
        state.CachedMigrate[1] = -2;
        state.CachedFree = 26;
        state.Skip = new bool[zone.PageblockCount];
        state.Skip[0] = true;
        var cc = new CompactControl { Nid = 0, ZoneIndex = 0, Order = 1, MigrateType = MigrateType.Movable, Direct = true };

        Assert.Equal(CompactResult.Success, CompactZone.Run(world, cc));
        Assert.Equal(1, cc.Migrated);
    }

    [Fact]
    public void The_partial_first_pageblock_gets_no_skip_hint_when_it_yields_nothing()
    {
        // isolate_migratepages_block() marks a block that isolated nothing through valid_page, which is set
        // only at a pageblock-aligned pfn: never for the block starting at pfn 2. The next block (index 2..5,
        // pfn 4..7) also yields nothing and is marked.
        var world = CompactionToy.World(30, startPfn: 2);
        var zone = CompactionToy.Zone(world);
        CompactionToy.Free(zone, 1, 29);
        var state = world.Compaction[0][0];
        state.CachedMigrate[1] = -2;
        state.CachedFree = 26;
        var cc = new CompactControl { Nid = 0, ZoneIndex = 0, Order = 1, MigrateType = MigrateType.Movable, Direct = true };

        CompactZone.Run(world, cc);

        Assert.Equal(0, cc.Migrated);
        Assert.False(state.Skip![0]);
        Assert.True(state.Skip[1]);
    }
}
