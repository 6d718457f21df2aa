using MmVerify.Model.Buddy;
using MmVerify.Model.Compaction;
using MmVerify.Model.Lru;
using MmVerify.Model.Sim;

namespace MmVerify.Model.Tests.Compaction;

/// <summary>
/// The migrate scanner of compact_zone() (isolate_migratepages_block() + migrate_pages()): movable LRU
/// folios below pageblock order move into free pages the free scanner takes from the top of the zone;
/// compound pages of pageblock order or more are passed over; every page of the pageblock is scanned.
/// 32-page zone, 4-page pageblocks, all allocated except what each test frees.
/// </summary>
public class CompactZoneMigrateScannerTests
{
    [Fact]
    public void Migrating_an_order_1_folio_counts_its_two_pages()
    {
        // Block 0: folio 0..1 on the LRU, free order-1 block 2..3. Top block: free order-1 block 28..29.
        // The folio moves to 28; 0..1 merge with 2..3 into an order-2 block: an order-2 request succeeds.
        // Migrated 2 pages (compact_isolated, pgmigrate_success count pages); scanned: 2 + 2 = 4 pages.
        var world = CompactionToy.World(32);
        var zone = CompactionToy.Zone(world);
        CompactionToy.LruFolio(world, 0, 1);
        CompactionToy.FreeRange(zone, 2, 2);
        CompactionToy.FreeRange(zone, 28, 2);
        var cc = Cc(order: 2);

        var result = CompactZone.Run(world, cc);

        Assert.Equal(CompactResult.Success, result);
        Assert.Equal(2, cc.Migrated);
        Assert.Equal(4, cc.MigrateScanned);
        Assert.Equal(2, world.Vm[VmEvent.PgmigrateSuccess]);
        Assert.Equal(2, world.Vm[VmEvent.CompactIsolated]);
        var lru = world.Lru[0];
        Assert.True(lru.OnLru(new FolioRef(0, 28)));
        Assert.Equal(1, lru.OrderOf(new FolioRef(0, 28)));
        Assert.Equal(PageOwner.LruAnon, zone.OwnerAt(28));
        Assert.Equal((PageState.FreeHead, 2), (zone.StateAt(0), zone.OrderAt(0)));
    }

    [Fact]
    public void A_folio_of_pageblock_order_is_passed_over()
    {
        // An order-2 (= pageblock_order) folio at 0 is skipped whole (skip_isolation_on_order); free
        // pages 29 and 30 stay unused and the free scanner never runs. Nothing else is movable: the
        // migrate scanner walks blocks 0..24 (28 pages) and meets the free scanner: COMPLETE.
        var world = CompactionToy.World(32);
        var zone = CompactionToy.Zone(world);
        CompactionToy.LruFolio(world, 0, 2);
        CompactionToy.Free(zone, 29, 30);
        var cc = Cc(order: 1);

        var result = CompactZone.Run(world, cc);

        Assert.Equal(CompactResult.Complete, result);
        Assert.Equal(0, cc.Migrated);
        Assert.Equal(28, cc.MigrateScanned);
        Assert.True(world.Lru[0].OnLru(new FolioRef(0, 0)));
        Assert.Equal(PageState.FreeHead, zone.StateAt(29));
        Assert.False(world.Compaction[0][0].Skip![7]);
    }

    [Fact]
    public void A_pinned_page_on_the_LRU_is_not_migrated()
    {
        // GUP-pinned (page_count > mapcount): isolate_migratepages_block leaves it.
        var world = CompactionToy.World(32);
        var zone = CompactionToy.Zone(world);
        CompactionToy.LruPage(world, 0);
        zone.SetOwner(0, PageOwner.Pinned);
        CompactionToy.Free(zone, 1, 29);
        var cc = Cc(order: 1);

        var result = CompactZone.Run(world, cc);

        Assert.Equal(CompactResult.Complete, result);
        Assert.Equal(0, cc.Migrated);
        Assert.Equal(PageOwner.Pinned, zone.OwnerAt(0));
    }

    [Theory]
    [InlineData(true, true, false)]
    [InlineData(false, true, true)]
    [InlineData(true, false, true)]
    public void Only_async_direct_compaction_keeps_to_pageblocks_of_the_requests_type(bool async, bool direct, bool migrated)
    {
        // An unmovable request and a folio in a movable pageblock (suitable_migration_source()).
        var world = CompactionToy.World(32);
        var zone = CompactionToy.Zone(world);
        CompactionToy.LruPage(world, 0);
        CompactionToy.Free(zone, 1, 29);
        var cc = new CompactControl { Nid = 0, ZoneIndex = 0, Order = 1, MigrateType = MigrateType.Unmovable, Async = async, Direct = direct };

        CompactZone.Run(world, cc);

        Assert.Equal(migrated ? 1 : 0, cc.Migrated);
        Assert.Equal(migrated, world.Lru[0].OnLru(new FolioRef(0, 29)));
    }

    [Theory]
    [InlineData(MigrateType.Movable)]
    [InlineData(MigrateType.Cma)]
    public void Async_direct_compaction_for_a_movable_request_migrates_from_movable_and_CMA_pageblocks(MigrateType blockType)
    {
        var world = CompactionToy.World(32);
        var zone = CompactionToy.Zone(world);
        CompactionToy.LruPage(world, 0);
        CompactionToy.Free(zone, 1, 29);
        zone.SetPageblockMigratetype(0, blockType);
        var cc = new CompactControl { Nid = 0, ZoneIndex = 0, Order = 1, MigrateType = MigrateType.Movable, Async = true, Direct = true };

        CompactZone.Run(world, cc);

        Assert.Equal(1, cc.Migrated);
    }

    [Fact]
    public void An_isolated_pageblock_is_no_migration_source()
    {
        var world = CompactionToy.World(32);
        var zone = CompactionToy.Zone(world);
        CompactionToy.LruPage(world, 0);
        CompactionToy.Free(zone, 1, 29);
        Assert.True(zone.IsolatePageblock(0));
        var cc = Cc(order: 1);

        var result = CompactZone.Run(world, cc);

        // suitable_migration_source() leaves MIGRATE_ISOLATE blocks alone; nothing else migrates: the scanners meet.
        Assert.Equal(CompactResult.Complete, result);
        Assert.Equal(0, cc.Migrated);
        Assert.True(world.Lru[0].OnLru(new FolioRef(0, 0)));
    }

    private static CompactControl Cc(int order) =>
        new() { Nid = 0, ZoneIndex = 0, Order = order, MigrateType = MigrateType.Movable, Direct = true };
}
