using MmVerify.Model.Lru;
using MmVerify.Model.Sim;
using MmVerify.Model.Topology;
using MmVerify.Model.Workload;

namespace MmVerify.Model.Tests.WorkloadTests;

// checks Touch's working-set sampling: folio_mark_accessed() on the task's own hot folios only (mm/swap.c)
public class TouchSampleTests
{
    private static int Referenced(World world, IEnumerable<FolioRef> folios) =>
        folios.Count(f => (world.Lru[0].FlagsOf(f) & LruFlags.Referenced) != 0);

    private static (World World, List<FolioRef> Folios) AllPagesHot(int owner)
    {
        // 64 pages, every one a hot folio of the owner: each of Touch's 16 samples hits one.
        var world = TaskWorld.New(64);
        world.Tasks.Add(new TaskState(1, 1001, "other", 0, 0));
        var folios = Enumerable.Range(0, 64).Select(_ => TaskWorld.Fault(world, LruList.ActiveAnon, LruFlags.Hot, owner)).ToList();
        return (world, folios);
    }

    [Fact]
    public void Another_tasks_hot_folios_are_not_marked()
    {
        var (world, folios) = AllPagesHot(owner: 1);

        TaskWorld.Run(world, OpKind.Touch);

        Assert.Equal(0, Referenced(world, folios));
    }

    [Fact]
    public void The_tasks_own_hot_folios_that_were_sampled_are_marked()
    {
        var (world, folios) = AllPagesHot(owner: 0);
        // The samples Touch will draw: a zone index (one zone: 0), then a page in it, 16 times.
        var draws = world.Random.Clone();
        var sampled = Enumerable.Range(0, 16).Select(_ => draws.Next(1) + draws.Next(64)).Distinct().Count();

        TaskWorld.Run(world, OpKind.Touch);

        Assert.Equal(sampled, Referenced(world, folios));
    }

    [Fact]
    public void An_allocated_page_off_the_LRU_is_not_marked_even_with_stale_LRU_fields()
    {
        // lruvec_del_folio leaves the model's per-page task and flags behind; a page taken off the LRU
        // but still allocated (e.g. isolated) is not on the LRU, so folio_mark_accessed does not apply.
        var (world, folios) = AllPagesHot(owner: 0);
        foreach (var f in folios)
        {
            world.Lru[0].Del(f);
        }

        TaskWorld.Run(world, OpKind.Touch);

        Assert.Equal(0, Referenced(world, folios));
    }

    [Fact]
    public void A_zone_that_spans_no_pages_is_never_sampled()
    {
        // Node 0: an empty DMA zone (spanned 0) before Normal; Touch skips the draws that land on it.
        var world = TaskWorld.OnZones(ZoneSpec.Empty(ZoneKind.Dma), ZoneSpec.Flat(ZoneKind.Normal, 0, 1024));

        Assert.Equal(1_000, TaskWorld.Run(world, OpKind.Touch));
    }
}
