using MmVerify.Model.Lru;
using MmVerify.Model.Workload;

namespace MmVerify.Model.Tests.WorkloadTests;

// checks "echo 1 > /proc/sys/vm/drop_caches": drop_pagecache_sb() frees clean page cache only (fs/drop_caches.c)
public class DropCachesTests
{
    [Fact]
    public void Only_clean_file_folios_are_dropped()
    {
        // Three clean file folios (two inactive, one active) go at 150 ns each; a dirty one and a
        // MADV_FREE'd one (lazyfree, on the file list) stay, as does anon memory.
        var world = TaskWorld.New();
        TaskWorld.Fault(world, LruList.InactiveFile, LruFlags.None);
        TaskWorld.Fault(world, LruList.InactiveFile, LruFlags.Hot);
        TaskWorld.Fault(world, LruList.ActiveFile, LruFlags.Referenced);
        var dirty = TaskWorld.Fault(world, LruList.InactiveFile, LruFlags.Dirty);
        var lazy = TaskWorld.Fault(world, LruList.InactiveFile, LruFlags.LazyFree);
        var anon = TaskWorld.Fault(world, LruList.InactiveAnon, LruFlags.None);

        Assert.Equal(450, TaskWorld.Run(world, OpKind.DropCaches));

        Assert.Equal([dirty, lazy], TaskWorld.Folios(world, LruList.InactiveFile));
        Assert.Empty(TaskWorld.Folios(world, LruList.ActiveFile));
        Assert.Equal([anon], TaskWorld.Folios(world, LruList.InactiveAnon));
        Assert.Equal(1024 - 3, world.ZonesOf(0)[0].NrFreePages);
        Assert.Equal(3, world.Tasks[0].LruPages);
    }
}
