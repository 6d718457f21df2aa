using MmVerify.Model.Workload;

namespace MmVerify.Specs.Scenarios;

/// <summary>Reads "memcgs", "tasks" and "phases", checking every cross-reference by name.</summary>
internal static class WorkloadReader
{
    public const string RootMemcg = "/";

    public static WorkloadSpec Read(ObjectReader root, ScenarioMachine machine)
    {
        var memcgs = Memcgs(root.Optional("memcgs"));
        var tasks = Tasks(root.Optional("tasks"), memcgs, machine.Spec.Nodes.Count);
        var phases = Phases(root.Required("phases"), tasks, machine);
        return new WorkloadSpec(tasks, memcgs, phases);
    }

    private static List<MemcgSpec> Memcgs(JsonCursor? cursor)
    {
        var memcgs = new List<MemcgSpec>();
        foreach (var item in cursor?.Array() ?? [])
        {
            var o = item.Object("name", "high_pages", "high_mb");
            var nameCursor = o.Required("name");
            var name = nameCursor.Name();
            if (name == RootMemcg || !name.StartsWith('/'))
            {
                // The root is implicit and has no memory.high; children are paths.
                throw nameCursor.Fail(name == RootMemcg ? "the root memcg '/' is implicit" : $"memcg '{name}' is not a path starting with '/'");
            }

            if (memcgs.Any(m => m.Name == name))
            {
                throw nameCursor.Fail($"duplicate memcg '{name}'");
            }

            if (o.Has("high_pages") && o.Has("high_mb"))
            {
                throw o.Fail("give high_pages or high_mb, not both");
            }

            var high = o.Optional("high_pages")?.Integer(0, long.MaxValue)
                ?? o.Optional("high_mb")?.Integer(0, long.MaxValue / ScenarioMachine.PagesPerMb) * ScenarioMachine.PagesPerMb;
            memcgs.Add(new MemcgSpec(name, high));
        }

        return memcgs;
    }

    private static List<TaskSpec> Tasks(JsonCursor? cursor, List<MemcgSpec> memcgs, int nodes)
    {
        var tasks = new List<TaskSpec>();
        foreach (var item in cursor?.Array() ?? [])
        {
            var o = item.Object("name", "memcg", "node", "bind");
            var nameCursor = o.Required("name");
            var name = nameCursor.Name();
            if (tasks.Any(t => t.Name == name))
            {
                throw nameCursor.Fail($"duplicate task '{name}'");
            }

            var memcg = RootMemcg;
            if (o.Optional("memcg") is { } memcgCursor)
            {
                memcg = memcgCursor.String();
                if (memcg != RootMemcg && !memcgs.Any(m => m.Name == memcg))
                {
                    throw memcgCursor.Fail($"unknown memcg '{memcg}'");
                }
            }

            var node = o.Optional("node")?.Int(0, nodes - 1) ?? 0;

            // bind: allocate only from its node (numactl --membind), instead of falling back to others.
            var bind = o.Optional("bind")?.Bool() ?? false;
            tasks.Add(new TaskSpec(name, memcg, node, bind));
        }

        return tasks;
    }

    private static List<PhaseSpec> Phases(JsonCursor cursor, List<TaskSpec> tasks, ScenarioMachine machine)
    {
        var phases = new List<PhaseSpec>();
        foreach (var item in cursor.Array())
        {
            var o = item.Object("name", "start_s", "end_s", "activities");
            var nameCursor = o.Required("name");
            var name = nameCursor.Name();
            if (phases.Any(p => p.Name == name))
            {
                throw nameCursor.Fail($"duplicate phase '{name}'");
            }

            var start = o.Required("start_s").Number(0, double.MaxValue);
            var endCursor = o.Required("end_s");
            var end = endCursor.Number(0, double.MaxValue);
            if (end <= start)
            {
                throw endCursor.Fail($"end_s {Text(end)} is not after start_s {Text(start)}");
            }

            var activities = o.Required("activities").Array().Select(a => ActivityReader.Read(a, tasks, machine.Geometry)).ToArray();
            phases.Add(new PhaseSpec(name, start, end, activities));
        }

        return phases;
    }

    private static string Text(double v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
