using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using MmVerify.Model.Workload;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Specs.Pbt;

/// <summary>
/// Workloads generated from a scenario's phases: each activity kept or dropped, its rate, count and batch
/// scaled, each phase's end moved, and a fresh seed for the model's random choices. The scenario's shape
/// (machine, tasks, operations, gfp, orders) stays; what varies is how much, how fast and for how long.
/// </summary>
public static class WorkloadGenerator
{
    private static readonly double[] RateFactors = [0.5, 1, 1, 2];
    private static readonly double[] CountFactors = [0.5, 1, 2];
    private static readonly double[] PhaseEndFactors = [0.75, 1, 1, 1.25];

    public static Gen<WorkloadCase> For(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var phases = Gen.Constant(ImmutableList<PhaseSpec>.Empty);
        foreach (var phase in scenario.Workload.Phases)
        {
            phases = from done in phases
                     from next in PhaseGen(phase)
                     select done.Add(next);
        }

        return from list in phases
               from seed in Gen.Choose(1, int.MaxValue)
               select new WorkloadCase(
                   scenario with { Workload = scenario.Workload with { Phases = list } },
                   (ulong)seed);
    }

    private static Gen<PhaseSpec> PhaseGen(PhaseSpec phase)
    {
        var activities = Gen.Constant(ImmutableList<ActivitySpec>.Empty);
        foreach (var activity in phase.Activities)
        {
            activities = from done in activities
                         from keep in Gen.Frequency((6, Gen.Constant(true)), (1, Gen.Constant(false)))
                         from next in ActivityGen(activity)
                         select keep ? done.Add(next) : done;
        }

        return from list in activities
               from end in Gen.Elements(PhaseEndFactors)
               select phase with
               {
                   EndSeconds = phase.StartSeconds + Math.Round((phase.EndSeconds - phase.StartSeconds) * end, 3),
                   Activities = list,
               };
    }

    private static Gen<ActivitySpec> ActivityGen(ActivitySpec a) =>
        from rate in Gen.Elements(RateFactors)
        from count in Gen.Elements(CountFactors)
        from halveBatch in Gen.Elements(false, false, true)
        select a with
        {
            RatePerSecond = a.RatePerSecond * rate,
            Count = a.Count is { } c ? Math.Max(1, (long)(c * count)) : null,
            Batch = halveBatch ? Math.Max(1, a.Batch / 2) : a.Batch,
        };
}
