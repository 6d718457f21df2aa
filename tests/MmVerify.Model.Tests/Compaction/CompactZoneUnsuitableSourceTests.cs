using MmVerify.Model.Buddy;
using MmVerify.Model.Compaction;
using MmVerify.Model.Lru;
using MmVerify.Model.Trace;

namespace MmVerify.Model.Tests.Compaction;

/// <summary>
/// isolate_migratepages(), mm/compaction.c: a pageblock that is no suitable_migration_source() is passed
/// over with update_cached_migrate(cc, block_end_pfn), so the next run does not come back to it.
/// </summary>
public class CompactZoneUnsuitableSourceTests
{
    [Fact]
    public void The_next_async_run_resumes_past_a_pageblock_that_was_no_migration_source()
    {
        // 32-page zone, 4-page pageblocks. Pageblock 0 (pfn 0..3) is unmovable and holds an LRU folio:
        // async direct compaction for a movable request does not scan it. Free pfn 16..17 form an
        // order-1 block, so the order-1 run is finished (SUCCESS) right after passing over block 0.
        var world = CompactionToy.World(32);
        var zone = CompactionToy.Zone(world);
        CompactionToy.LruPage(world, 0);
        CompactionToy.Free(zone, 16, 17);
        zone.SetPageblockMigratetype(0, MigrateType.Unmovable);
        var first = CompactionToy.DirectAsync(1);
        Assert.Equal(CompactResult.Success, CompactZone.Run(world, first));
        Assert.Equal(0, first.Migrated);

        CompactZone.Run(world, CompactionToy.DirectAsync(1));

        // The second run starts after block 0, not at the zone start. (6.1's update_cached_migrate() takes
        // pageblock_end_pfn() of the already aligned block end, i.e. pfn 8; the model resumes at pfn 4.)
        var second = CompactionToy.Trace(world).Events.OfType<CompactionBeginEvent>().Last();
        Assert.InRange(second.MigratePfn, 4, 8);
        Assert.True(world.Lru[0].OnLru(new FolioRef(0, 0)));
    }

}
