using MmVerify.Model.Lru;
using MmVerify.Model.Workload;

namespace MmVerify.Model.Tests.WorkloadTests;

// checks the time a page fault costs the task: do_anonymous_page() / filemap_fault() as TaskOps.Fault models them
public class FaultCostTests
{
    [Fact]
    public void An_anonymous_fault_served_by_the_fast_path_costs_the_fault_plus_the_allocation()
    {
        // 1000 ns for the fault itself + 250 ns for get_page_from_freelist's first success.
        var world = TaskWorld.New();

        Assert.Equal(1_250, TaskWorld.Run(world, OpKind.FaultAnon));
        Assert.Equal(1, world.Tasks[0].LruPages);
    }

    [Theory]
    // A workingset refault is a fault (1250 ns) onto the active list, marked hot and referenced
    // (workingset_refault() activates a refaulting page), plus the access itself (1000 ns).
    [InlineData(true, LruList.ActiveFile)]
    [InlineData(false, LruList.ActiveAnon)]
    public void Touch_faults_back_one_page_of_refault_debt_onto_the_active_list(bool file, LruList list)
    {
        var world = TaskWorld.New();
        var task = world.Tasks[0];
        if (file)
        {
            task.RefaultDebtFile = 2;
        }
        else
        {
            task.RefaultDebtAnon = 2;
        }

        Assert.Equal(2_250, TaskWorld.Run(world, OpKind.Touch));

        Assert.Equal(1, task.RefaultDebtFile + task.RefaultDebtAnon);
        var folio = Assert.Single(TaskWorld.Folios(world, list));
        Assert.Equal(LruFlags.Hot | LruFlags.Referenced, world.Lru[0].FlagsOf(folio));
    }

    [Fact]
    public void Touch_without_refault_debt_costs_one_access()
    {
        Assert.Equal(1_000, TaskWorld.Run(TaskWorld.New(), OpKind.Touch));
    }
}
