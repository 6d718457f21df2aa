using MmVerify.Model.Buddy;
using MmVerify.Model.Compaction;
using MmVerify.Model.Lru;

namespace MmVerify.Model.Tests.Compaction;

// checks isolate_migratepages(), mm/compaction.c: when the zone starts inside a pageblock, the first
// block is clamped to zone_start_pfn and still scanned (block_start_pfn = max(pageblock start, zone start))
public class CompactZonePartialBlockTests
{
    [Fact(Skip = "model bug: SuitableMigrationSource() returns false for the zone's partial first pageblock (block < 0), so the migrate scanner never scans it; isolate_migratepages() clamps block_start_pfn to zone_start_pfn and scans it")]
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
}
