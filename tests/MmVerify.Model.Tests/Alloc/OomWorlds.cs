using MmVerify.Model.Buddy;
using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Alloc;

/// <summary>Worlds for out_of_memory() called directly: an allocating task and one other task holding pages.</summary>
internal static class OomWorlds
{
    /// <summary>A 256-page toy world whose task "other" holds <paramref name="held"/> pages, the only memory a kill could free.</summary>
    public static (World World, TaskState Task, TaskState Other) OtherHolds(int held)
    {
        var (world, task) = Toy.World(256, new BuddyGeometry(4, 2));
        var other = new TaskState(1, 1001, "other", 0, 0);
        world.Tasks.Add(other);
        foreach (var page in AllocWorlds.TakeAll(world.ZonesOf(0)[0], MigrateType.Unmovable).Take(held))
        {
            FolioOps.Hold(world, other, 0, new FolioRef(0, page), 0, long.MaxValue);
        }

        return (world, task, other);
    }
}
