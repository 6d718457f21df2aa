using MmVerify.Model.Buddy;
using MmVerify.Model.Compaction;
using MmVerify.Model.Trace;

namespace MmVerify.Model.Tests.Compaction;

/// <summary>
/// mm_compaction_begin / mm_compaction_end of compact_zone(): the task is the caller (the model names a
/// direct compactor "compact" with pid 0) or kcompactdN; zone_start, migrate_pfn, free_pfn, zone_end, sync.
/// When the scanners meet, a direct run sets compact_blockskip_flush (kswapd clears the hints), kcompactd does not.
/// </summary>
public class CompactZoneTraceTests
{
    [Fact]
    public void A_direct_run_is_traced_as_the_allocating_task_and_asks_for_the_skip_hints_to_be_flushed()
    {
        // 32 pages at pfn 64, nothing to migrate: the scanners meet at the last pageblock (pfn 92).
        var world = CompactionToy.World(32, startPfn: 64);

        CompactZone.Run(world, new CompactControl { Nid = 0, ZoneIndex = 0, Order = 1, MigrateType = MigrateType.Movable, Direct = true });

        var events = CompactionToy.Trace(world).Events;
        var begin = events.OfType<CompactionBeginEvent>().Single();
        var end = events.OfType<CompactionEndEvent>().Single();
        Assert.Equal(("compact", 0), (begin.Comm, begin.Pid));
        Assert.Equal(("compact", 0), (end.Comm, end.Pid));
        Assert.Equal((64L, 64L, 92L, 96L, true), (begin.ZoneStart, begin.MigratePfn, begin.FreePfn, begin.ZoneEnd, begin.Sync));
        Assert.Equal((64L, 92L, 96L, "complete"), (end.ZoneStart, end.FreePfn, end.ZoneEnd, end.Status));
        Assert.True(world.Compaction[0][0].BlockskipFlush);
    }

    [Fact]
    public void A_kcompactd_run_is_traced_as_kcompactd_and_leaves_the_skip_hints_alone()
    {
        var world = CompactionToy.World(32, startPfn: 64);

        CompactZone.Run(world, new CompactControl { Nid = 0, ZoneIndex = 0, Order = 1, MigrateType = MigrateType.Unmovable, Direct = false });

        var events = CompactionToy.Trace(world).Events;
        var begin = events.OfType<CompactionBeginEvent>().Single();
        var end = events.OfType<CompactionEndEvent>().Single();
        Assert.Equal(("kcompactd0", 60), (begin.Comm, begin.Pid));
        Assert.Equal(("kcompactd0", 60), (end.Comm, end.Pid));
        Assert.False(world.Compaction[0][0].BlockskipFlush);
    }

    [Fact]
    public void An_async_run_is_traced_as_not_sync()
    {
        var world = CompactionToy.World(32, startPfn: 64);

        CompactZone.Run(world, CompactionToy.DirectAsync(1));

        var events = CompactionToy.Trace(world).Events;
        Assert.False(events.OfType<CompactionBeginEvent>().Single().Sync);
        Assert.False(events.OfType<CompactionEndEvent>().Single().Sync);
    }
}
