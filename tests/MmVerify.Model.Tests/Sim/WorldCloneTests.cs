using MmVerify.Model.Buddy;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;
using MmVerify.Model.Trace;

namespace MmVerify.Model.Tests.SimTests;

// checks World.Clone(), the deep copy the explorer and replay start from (no kernel counterpart)
public class WorldCloneTests
{
    private static World Busy()
    {
        var world = Worlds.OneZone("linux-7.2", pages: 1024, minFreeKbytes: 128);
        world.Vm.Count(VmEvent.Pgfree, 7);
        world.Clock.NowNs = 5_000;
        world.Tasks[0].BusyNs = 42;
        Worlds.Zone(world).Rmqueue(0, MigrateType.Movable, Gfp.AllocFlags.None, PageOwner.LruAnon);
        return world;
    }

    [Fact]
    public void The_copy_starts_equal_to_the_original()
    {
        var world = Busy();

        var copy = world.Clone();

        Assert.Equal(7, copy.Vm[VmEvent.Pgfree]);
        Assert.Equal(5_000, copy.NowNs);
        Assert.Equal(42, copy.Tasks[0].BusyNs);
        Assert.Equal("filler", copy.Tasks[0].Comm);
        Assert.Equal(1023, Worlds.Zone(copy).NrFreePages);
        Assert.Same(NullTraceSink.Instance, copy.Trace);
    }

    [Fact]
    public void The_copy_changes_independently_of_the_original()
    {
        var world = Busy();
        var copy = world.Clone();

        copy.Vm.Count(VmEvent.Pgfree, 1);
        copy.Tasks[0].BusyNs = 1;
        Worlds.Zone(copy).Rmqueue(0, MigrateType.Movable, Gfp.AllocFlags.None, PageOwner.LruAnon);

        Assert.Equal(7, world.Vm[VmEvent.Pgfree]);
        Assert.Equal(42, world.Tasks[0].BusyNs);
        Assert.Equal(1023, Worlds.Zone(world).NrFreePages);
        Assert.Equal(1022, Worlds.Zone(copy).NrFreePages);
    }

    [Fact]
    public void The_copy_traces_into_the_sink_it_is_given()
    {
        var sink = new TraceBuffer();

        Assert.Same(sink, Busy().Clone(sink).Trace);
    }
}
