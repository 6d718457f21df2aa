using MmVerify.Model.Buddy;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Reclaim;

/// <summary>FolioOps: charging on fault, uncharging and workingset refault debt on reclaim, release and held blocks.</summary>
public class FolioAccountingTests
{
    [Fact]
    public void Adding_a_folio_charges_its_pages_to_the_task_and_its_memcg()
    {
        var world = TwoMemcgs.Create();

        var folio = Folios.Add(world, LruList.ActiveAnon, order: 2, task: 1);

        Assert.Equal(4, world.Tasks[1].LruPages);
        Assert.Equal(4, world.Memcgs[1].UsagePages);
        Assert.Equal(0, world.Memcgs[0].UsagePages);
        Assert.Equal(1, world.Lru[0].MemcgOf(folio));
        Assert.Equal(1, world.Lru[0].TaskOf(folio));
    }

    [Theory]
    [InlineData(LruList.InactiveFile, LruFlags.Hot, 4, 0)] // a working-set file page refaults as file
    [InlineData(LruList.InactiveAnon, LruFlags.Hot, 0, 4)] // ... an anon page as anon
    [InlineData(LruList.InactiveFile, LruFlags.Hot | LruFlags.LazyFree, 0, 4)] // MADV_FREE'd anon on the file list
    [InlineData(LruList.ActiveFile, LruFlags.Hot, 4, 0)]
    [InlineData(LruList.InactiveFile, LruFlags.None, 0, 0)] // not in the working set: no refault
    public void Reclaiming_a_folio_uncharges_it_and_leaves_refault_debt_for_working_set_pages(LruList list, LruFlags flags, long fileDebt, long anonDebt)
    {
        var world = TwoMemcgs.Create();
        var task = world.Tasks[1];
        var folio = Folios.Add(world, list, flags, order: 2, task: 1);

        FolioOps.Reclaim(world, 0, folio);

        Assert.False(world.Lru[0].OnLru(folio));
        Assert.Equal(0, task.LruPages);
        Assert.Equal(0, world.Memcgs[1].UsagePages);
        Assert.Equal(fileDebt, task.RefaultDebtFile);
        Assert.Equal(anonDebt, task.RefaultDebtAnon);
        Assert.Equal(4, world.Vm[VmEvent.Pgfree]);
    }

    [Fact]
    public void A_killed_task_has_no_refaults_to_pay()
    {
        var world = TwoMemcgs.Create();
        var task = world.Tasks[1];
        var folio = Folios.Add(world, LruList.InactiveFile, LruFlags.Hot, task: 1);
        task.Killed = true;

        FolioOps.Reclaim(world, 0, folio);

        Assert.Equal(0, task.RefaultDebtFile + task.RefaultDebtAnon);
        Assert.Equal(0, task.LruPages);
    }

    [Fact]
    public void Releasing_a_folio_uncharges_and_frees_it_without_refault_debt()
    {
        var world = TwoMemcgs.Create();
        var task = world.Tasks[1];
        Folios.Add(world, LruList.InactiveFile, task: 1);
        var folio = Folios.Add(world, LruList.InactiveFile, LruFlags.Hot, order: 1, task: 1);

        FolioOps.Release(world, 0, folio);

        Assert.False(world.Lru[0].OnLru(folio));
        Assert.Equal(1, task.LruPages);
        Assert.Equal(1, world.Memcgs[1].UsagePages);
        Assert.Equal(0, task.RefaultDebtFile);
        Assert.Equal(2, world.Vm[VmEvent.Pgfree]);
    }

    [Fact]
    public void Held_blocks_are_freed_once_their_release_time_has_come_and_not_before()
    {
        var world = Worlds.OneZone("linux-7.2");
        var zone = Worlds.Zone(world);
        var task = world.Tasks[0];
        var a = zone.Rmqueue(1, MigrateType.Unmovable, Gfp.AllocFlags.None, PageOwner.Unmovable);
        var b = zone.Rmqueue(0, MigrateType.Unmovable, Gfp.AllocFlags.None, PageOwner.Unmovable);
        FolioOps.Hold(world, task, 0, new FolioRef(0, a), 1, releaseAtNs: 1000);
        FolioOps.Hold(world, task, 0, new FolioRef(0, b), 0, releaseAtNs: 2000);
        Assert.Equal(3, task.HeldPages);

        world.Clock.NowNs = 999;
        FolioOps.ReleaseDue(world, task);
        Assert.Equal(3, task.HeldPages);
        Assert.Equal(0, world.Vm[VmEvent.Pgfree]);

        world.Clock.NowNs = 1000; // due exactly now
        FolioOps.ReleaseDue(world, task);
        Assert.Equal(1, task.HeldPages);
        Assert.Equal(2, world.Vm[VmEvent.Pgfree]);
        Assert.Equal(1, task.Held.Count);

        world.Clock.NowNs = 5000;
        FolioOps.ReleaseDue(world, task);
        Assert.Equal(0, task.HeldPages);
        Assert.Equal(3, world.Vm[VmEvent.Pgfree]);
        Assert.Equal(0, task.Held.Count);
    }

    [Fact]
    public void Freeing_a_block_counts_pgfree_in_pages()
    {
        var world = Worlds.OneZone("linux-7.2");
        var zone = Worlds.Zone(world);
        var page = zone.Rmqueue(3, MigrateType.Unmovable, Gfp.AllocFlags.None, PageOwner.Unmovable);

        FolioOps.FreeBlock(world, 0, new FolioRef(0, page), 3);

        Assert.Equal(8, world.Vm[VmEvent.Pgfree]);
    }
}
