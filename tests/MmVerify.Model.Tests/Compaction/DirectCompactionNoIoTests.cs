using MmVerify.Model.Compaction;
using MmVerify.Model.Gfp;
using MmVerify.Model.Lru;
using MmVerify.Model.Sim;
using MmVerify.Model.Trace;

namespace MmVerify.Model.Tests.Compaction;

/// <summary>try_to_compact_pages(), mm/compaction.c: gfp_compaction_allowed() -- no __GFP_IO, no compaction.</summary>
public class DirectCompactionNoIoTests
{
    [Theory]
    // 32 pages: an LRU page at 0, free single pages 1, 9, 13, 17 and 29 (as in DirectCompactionTests); order 1.
    // Moving page 0 up to 29 frees the order-1 block 0..1, so GFP_NOFS, which may do I/O, gets SUCCESS;
    // GFP_NOIO is skipped before any zone is looked at, and the page stays where it is.
    [InlineData(Gfp.Gfp.NoIo | GfpFlags.Movable, CompactResult.Skipped, 0)]
    [InlineData(Gfp.Gfp.NoFs | GfpFlags.Movable, CompactResult.Success, 29)]
    public void A_caller_without_io_is_skipped(GfpFlags gfp, CompactResult expected, int pageAfter)
    {
        var world = World();

        var result = DirectCompaction.TryToCompactPages(world, 0, gfp, 1, AllocFlags.None, 0, CompactPriority.SyncLight, out _);

        Assert.Equal(expected, result);
        Assert.True(world.Lru[0].OnLru(new FolioRef(0, pageAfter)));
        Assert.Equal(expected == CompactResult.Skipped ? 0 : 1, CompactionToy.Trace(world).Events.OfType<CompactionBeginEvent>().Count());
    }

    private static World World()
    {
        var world = CompactionToy.World(32);
        CompactionToy.LruPage(world, 0);
        CompactionToy.Free(CompactionToy.Zone(world), 1, 9, 13, 17, 29);
        return world;
    }
}
