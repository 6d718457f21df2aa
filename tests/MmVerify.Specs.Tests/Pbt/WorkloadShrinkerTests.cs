using MmVerify.Specs.Pbt;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Specs.Tests.Pbt;

public sealed class WorkloadShrinkerTests
{
    private static Scenario Small(string id) => PbtGate.SmallForms.Find(id) ?? throw new InvalidOperationException(id);

    [Fact]
    public void Every_candidate_is_smaller_in_one_dimension()
    {
        var c = new WorkloadCase(Small("memcg-high-revives-kswapd"), 5);
        foreach (var s in WorkloadShrinker.Shrink(c))
        {
            var smaller = s.Activities < c.Activities
                || s.Scenario.Workload.Phases.Count < c.Scenario.Workload.Phases.Count
                || s.Scenario.DurationSeconds < c.Scenario.DurationSeconds
                || s.Scenario.Machine.Spec.TotalRamPages < c.Scenario.Machine.Spec.TotalRamPages
                || Weight(s) < Weight(c);
            Assert.True(smaller);
            Assert.Equal(c.SimSeed, s.SimSeed);
        }
    }

    [Fact]
    public void Halved_zones_stay_whole_pageblocks_laid_end_to_end()
    {
        var halved = WorkloadShrinker.HalveZones(Small("memcg-high-revives-kswapd"))!;
        var zones = halved.Machine.Spec.AllZones.Where(z => z.Managed > 0).ToArray();

        Assert.Equal([8192L, 8192L], zones.Select(z => z.Managed));
        Assert.Equal(zones[0].StartPfn + zones[0].Spanned, zones[1].StartPfn);
        Assert.All(zones, z => Assert.Equal(0, z.Managed % halved.Machine.Geometry.PageblockNrPages));
    }

    [Fact]
    public void Zones_with_holes_are_not_halved()
    {
        // The full-size storm's DMA32 has spanned != present: halving would invent a layout no kernel boots.
        Assert.Null(WorkloadShrinker.HalveZones(ScenarioCatalog.BuiltIn.Find("net-order3-frag-storm")!));
    }

    [Fact]
    public void The_generator_keeps_the_scenarios_tasks_and_operations()
    {
        var scenario = Small("memcg-high-revives-kswapd");
        var ops = scenario.Workload.Phases.SelectMany(p => p.Activities).Select(a => (a.Task, a.Op)).ToHashSet();
        var cases = FsCheck.Fluent.Gen.Sample(WorkloadGenerator.For(scenario), 20);

        Assert.All(cases, c => Assert.Subset(ops, c.Scenario.Workload.Phases.SelectMany(p => p.Activities).Select(a => (a.Task, a.Op)).ToHashSet()));
        Assert.True(cases.Select(c => c.Key).Distinct().Count() > 1);
    }

    private static double Weight(WorkloadCase c) =>
        c.Scenario.Workload.Phases.SelectMany(p => p.Activities).Sum(a => (a.Count ?? 0) + a.RatePerSecond + a.Batch);
}
