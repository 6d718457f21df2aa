using MmVerify.Model.Sim;

namespace MmVerify.Model.Workload;

/// <summary>A running activity: one task doing one operation at a rate during a phase.</summary>
public sealed class Activity
{
    public Activity(int id, TaskState task, ActivitySpec spec, PhaseSpec phase)
    {
        Id = id;
        Task = task;
        Spec = spec;
        Phase = phase;
        NextRunNs = (long)(phase.StartSeconds * 1e9);
    }

    public int Id { get; }

    public TaskState Task { get; }

    public ActivitySpec Spec { get; }

    public PhaseSpec Phase { get; }

    public long NextRunNs { get; set; }

    public long Done { get; set; }

    public bool Finished { get; set; }

    public long EndNs => (long)(Phase.EndSeconds * 1e9);

    /// <summary>Runs one operation (or a batch of them) and schedules the next.</summary>
    public void Step(World world)
    {
        if (Task.Killed || Task.Stalled || world.NowNs >= EndNs || (Spec.Count is { } count && Done >= count))
        {
            Finished = true;
            NextRunNs = long.MaxValue;
            return;
        }

        if (Spec.PauseBelowWatermark is { } mark && BelowWatermark(world, mark))
        {
            NextRunNs = world.NowNs + 10_000_000;
            return;
        }

        var time = TaskOps.Run(world, this, out var ops);
        Done += ops;
        Task.BusyNs += time;

        // RatePerSecond counts operations; a step of several operations takes their share of time.
        var interval = Spec.RatePerSecond > 0 ? (long)(ops * 1e9 / Spec.RatePerSecond) : 0;
        NextRunNs = world.NowNs + Math.Max(time, interval);
        if (Spec.Op is OpKind.FragmentArena or OpKind.DropCaches or OpKind.Exit)
        {
            Finished = true;
            NextRunNs = long.MaxValue;
        }
    }

    private bool BelowWatermark(World world, string mark)
    {
        long free = 0, wmark = 0;
        foreach (var zone in world.ZonesOf(Task.Node))
        {
            free += zone.NrFreePages;
            wmark += mark switch
            {
                "min" => zone.MinWmarkPages,
                "high" => zone.HighWmarkPages,
                _ => zone.LowWmarkPages,
            };
        }

        return free < wmark;
    }
}
