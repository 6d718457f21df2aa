using MmVerify.Model.Sim;
using MmVerify.Model.Topology;
using MmVerify.Model.Workload;

namespace MmVerify.Model.Tests.SimTests;

// checks Simulation's constructor: a workload may only name memcgs, nodes and tasks that exist (no kernel counterpart)
public class SimulationSetupValidationTests
{
    private static string Rejection(WorkloadSpec workload)
    {
        var setup = SimulationBuilder.Setup(SimulationBuilder.OneNode(ZoneSpec.Flat(ZoneKind.Normal, 0, 1024)), workload);
        return Assert.Throws<ArgumentException>(() => new Simulation(setup)).Message;
    }

    [Fact]
    public void A_task_in_an_unknown_memcg_is_rejected()
    {
        Assert.Equal("task 't' names unknown memcg '/a'", Rejection(new WorkloadSpec([new TaskSpec("t", "/a")], [], [])));
    }

    [Theory]
    // The machine has node 0 only.
    [InlineData(-1)]
    [InlineData(1)]
    public void A_task_on_a_node_that_does_not_exist_is_rejected(int node)
    {
        Assert.Equal($"task 't' names node {node}, which does not exist", Rejection(new WorkloadSpec([new TaskSpec("t", Node: node)], [], [])));
    }

    [Fact]
    public void A_phase_naming_an_unknown_task_is_rejected()
    {
        var phase = new PhaseSpec("warm", 0, 1, [new ActivitySpec { Task = "u", Op = OpKind.Touch }]);

        Assert.Equal("phase 'warm' names unknown task 'u'", Rejection(new WorkloadSpec([new TaskSpec("t")], [], [phase])));
    }

    [Fact]
    public void Tasks_and_activities_of_a_valid_workload_are_created_in_order()
    {
        var phase = new PhaseSpec("warm", 0, 1, [new ActivitySpec { Task = "u", Op = OpKind.Touch }]);
        var setup = SimulationBuilder.Setup(
            SimulationBuilder.OneNode(ZoneSpec.Flat(ZoneKind.Normal, 0, 1024)),
            new WorkloadSpec([new TaskSpec("t"), new TaskSpec("u", "/a")], [new MemcgSpec("/a", 100)], [phase]));

        var sim = new Simulation(setup);

        Assert.Equal(["t", "u"], sim.World.Tasks.Select(t => t.Comm));
        Assert.Equal([1000, 1001], sim.World.Tasks.Select(t => t.Pid));
        Assert.Equal(1, sim.World.Tasks[1].Memcg);
        Assert.Equal(100, sim.World.Memcgs[1].HighPages);
        Assert.Same(sim.World.Tasks[1], Assert.Single(sim.Activities).Task);
    }
}
