using MmVerify.Model.Topology;
using MmVerify.Model.Workload;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Specs.Pbt;

/// <summary>
/// Smaller candidates of a failing workload, biggest cut first: drop a phase, drop an activity,
/// halve the run, halve the zones (where the layout allows), then halve one activity's count, rate or
/// batch. FsCheck keeps the first candidate that still fails and shrinks on from it.
/// </summary>
public static class WorkloadShrinker
{
    public static IEnumerable<WorkloadCase> Shrink(WorkloadCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var s = c.Scenario;
        var phases = s.Workload.Phases;

        for (var p = 0; p < phases.Count && phases.Count > 1; p++)
        {
            yield return c with { Scenario = s with { Workload = s.Workload with { Phases = Without(phases, p) } } };
        }

        for (var p = 0; p < phases.Count; p++)
        {
            for (var a = 0; a < phases[p].Activities.Count; a++)
            {
                yield return With(c, p, phases[p] with { Activities = Without(phases[p].Activities, a) });
            }
        }

        if (s.DurationSeconds > 1)
        {
            var half = s.DurationSeconds / 2;
            yield return c with
            {
                Scenario = s with
                {
                    DurationSeconds = half,
                    Workload = s.Workload with { Phases = phases.Where(p => p.StartSeconds < half).ToArray() },
                },
            };
        }

        if (HalveZones(s) is { } smaller)
        {
            yield return c with { Scenario = smaller };
        }

        for (var p = 0; p < phases.Count; p++)
        {
            var activities = phases[p].Activities;
            for (var a = 0; a < activities.Count; a++)
            {
                var x = activities[a];
                if (x.Count is > 1 and var count)
                {
                    yield return With(c, p, a, x with { Count = count / 2 });
                }

                if (x.RatePerSecond >= 2)
                {
                    yield return With(c, p, a, x with { RatePerSecond = Math.Floor(x.RatePerSecond / 2) });
                }

                if (x.Batch > 1)
                {
                    yield return With(c, p, a, x with { Batch = x.Batch / 2 });
                }
            }
        }
    }

    /// <summary>
    /// Every populated zone halved (rounded down to whole pageblocks, at least four of them and one
    /// MAX_ORDER block), when zones are flat (spanned = present = managed) and laid end to end, so the
    /// halved layout is still one the kernel could boot. Null when the layout does not allow it.
    /// </summary>
    public static Scenario? HalveZones(Scenario s)
    {
        var geometry = s.Machine.Geometry;
        var unit = 1L << geometry.PageblockOrder;
        var floor = Math.Max(4 * unit, 1L << geometry.MaxPageOrder);
        var populated = s.Machine.Spec.AllZones.Where(z => z.Managed > 0).ToArray();
        if (populated.Length == 0 || populated.Any(z => z.Spanned != z.Managed || z.Present != z.Managed || z.CmaPages > 0))
        {
            return null;
        }

        for (var i = 1; i < populated.Length; i++)
        {
            if (populated[i].StartPfn != populated[i - 1].StartPfn + populated[i - 1].Spanned)
            {
                return null;
            }
        }

        if (populated.Any(z => z.Managed / 2 / unit * unit < floor))
        {
            return null;
        }

        var pfn = populated[0].StartPfn;
        var nodes = new List<NodeSpec>();
        foreach (var node in s.Machine.Spec.Nodes)
        {
            var zones = new List<ZoneSpec>();
            foreach (var z in node.Zones)
            {
                if (z.Managed == 0)
                {
                    zones.Add(z);
                    continue;
                }

                var pages = z.Managed / 2 / unit * unit;
                zones.Add(ZoneSpec.Flat(z.Kind, pfn, pages));
                pfn += pages;
            }

            nodes.Add(node with { Zones = zones });
        }

        return s with { Machine = s.Machine with { Spec = new MachineSpec(nodes) } };
    }

    private static WorkloadCase With(WorkloadCase c, int p, PhaseSpec phase)
    {
        var phases = c.Scenario.Workload.Phases.ToArray();
        phases[p] = phase;
        return c with { Scenario = c.Scenario with { Workload = c.Scenario.Workload with { Phases = phases } } };
    }

    private static WorkloadCase With(WorkloadCase c, int p, int a, ActivitySpec activity)
    {
        var phase = c.Scenario.Workload.Phases[p];
        var activities = phase.Activities.ToArray();
        activities[a] = activity;
        return With(c, p, phase with { Activities = activities });
    }

    private static T[] Without<T>(IReadOnlyList<T> list, int index) => [.. list.Take(index), .. list.Skip(index + 1)];
}
