using MmVerify.Model.Buddy;
using MmVerify.Model.Compaction;
using MmVerify.Model.Lru;

namespace MmVerify.Model.Tests.Compaction;

/// <summary>isolate_migratepages() / compact_scanners_met(), mm/compaction.c: the migrate scanner never goes into the free scanner's pageblock, so a folio just migrated there is not migrated again.</summary>
public class CompactZoneScannersMeetTests
{
    [Fact]
    public void A_folio_migrated_into_the_free_scanners_block_is_not_migrated_again()
    {
        // Zone at pfn 2..31 (indices 0..29), 4-page pageblocks. A sync run with the sync migrate position
        // still unset and the free position at the last pageblock (pfn 28), as an async run leaves them.
        // One LRU page at index 19 (pfn 21); free pages at indices 22 and 24 (pfn 24 and 26, not buddies,
        // so no order-1 block ends the run early), none above.
        // The free scanner finds nothing in pfn 28..31, then takes pfn 24 for the folio; pfn 24 is now the
        // free scanner's pageblock, so the migrate scanner stops below it: one folio, one migration.
        var world = CompactionToy.World(30, startPfn: 2);
        var zone = CompactionToy.Zone(world);
        CompactionToy.LruPage(world, 19);
        CompactionToy.Free(zone, 22, 24);
        world.Compaction[0][0].CachedFree = 26;
        var cc = new CompactControl { Nid = 0, ZoneIndex = 0, Order = 1, MigrateType = MigrateType.Movable, Direct = true };

        CompactZone.Run(world, cc);

        Assert.Equal(1, cc.Migrated);
        Assert.True(world.Lru[0].OnLru(new FolioRef(0, 22)));
        Assert.Equal(PageState.FreeHead, zone.StateAt(24));
        Assert.Equal(PageState.FreeHead, zone.StateAt(19));
    }
}
