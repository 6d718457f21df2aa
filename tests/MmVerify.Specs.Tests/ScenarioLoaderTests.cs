using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Topology;
using MmVerify.Model.Workload;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Specs.Tests;

/// <summary>Loading the test scenarios: every field arrives, defaults fill the gaps, writing and reloading changes nothing.</summary>
public class ScenarioLoaderTests
{
    [Fact]
    public void Every_top_level_field_of_the_mixed_scenario_arrives()
    {
        var s = TestFiles.Load("small-mixed");

        Assert.Equal("small-mixed", s.Id);
        Assert.Equal("Two small nodes, two memcgs, two phases", s.Title);
        Assert.Equal("001", s.SeedDocument);
        Assert.StartsWith("Specs test scenario", s.Description);
        Assert.Equal(5, s.DurationSeconds);
        Assert.Equal(TestFiles.PathOf("small-mixed"), s.File);
        Assert.Equal(["linux-7.2", "net-frag-nowake", "linux-6.12+reset-when-balanced"], s.Variants);
        Assert.Equal(["kswapd.sleeps", "wmark.ordered"], s.Properties.Keys);
        Assert.Equal(10, s.Properties["kswapd.sleeps"]["window_s"]);
        Assert.Equal(0.1, s.Properties["kswapd.sleeps"]["busy_below"]);
        Assert.Empty(s.Properties["wmark.ordered"]);
    }

    [Fact]
    public void The_machine_arrives_with_geometry_hz_swap_and_zones()
    {
        var m = TestFiles.Load("small-mixed").Machine;

        Assert.Equal(1000, m.Hz);
        Assert.Equal(new BuddyGeometry(10, 9), m.Geometry);
        Assert.Equal(64 * 256, m.SwapPages);
        Assert.Equal(290, m.UptimeSeconds);
        Assert.Equal(2, m.Spec.Nodes.Count);
        Assert.Equal(
            [
                new ZoneSpec(ZoneKind.Dma, 1, 3840, 3840, 3840),
                new ZoneSpec(ZoneKind.Dma32, 4096, 8192, 8000, 7900, 512),
                new ZoneSpec(ZoneKind.Normal, 4096 + 8192, 4096, 4096, 4096),
                new ZoneSpec(ZoneKind.Movable, 16384, 0, 0, 0),
                new ZoneSpec(ZoneKind.Device, 16384, 0, 0, 0),
            ],
            m.Spec.Nodes[0].Zones);
        Assert.Equal(new ZoneSpec(ZoneKind.Normal, 16384, 2048, 2048, 2048), m.Spec.Nodes[1].Zones[2]);
    }

    [Fact]
    public void The_sysctls_arrive_with_short_ratio_writes_completed_by_the_defaults()
    {
        var s = TestFiles.Load("small-mixed").Sysctls;

        Assert.Equal(1024, s.MinFreeKbytes);
        Assert.Equal(100, s.WatermarkScaleFactor);
        Assert.Equal(0, s.WatermarkBoostFactor);
        Assert.Equal([128L, 0, 32, 0, 0], s.LowmemReserveRatio!);
        Assert.True(s.DefragMode);
        Assert.True(s.HighOrderAllocDisable);
        Assert.Equal(ThpMode.Madvise, s.Thp);
        Assert.True(s.NumaBalancingMemoryTiering);
        Assert.False(s.Compaction);
        Assert.True(s.PageGroupByMobilityDisabled);
    }

    [Fact]
    public void The_workload_arrives_with_memcgs_tasks_and_phases()
    {
        var w = TestFiles.Load("small-mixed").Workload;

        Assert.Equal([new MemcgSpec("/app", 2000), new MemcgSpec("/batch", 4 * 256)], w.Memcgs);
        Assert.Equal([new TaskSpec("app", "/app", 0), new TaskSpec("batch", "/batch", 1, Bind: true), new TaskSpec("net", "/", 0)], w.Tasks);
        Assert.Equal(["warm", "storm"], w.Phases.Select(p => p.Name));
        Assert.Equal((0.0, 2.5), (w.Phases[0].StartSeconds, w.Phases[0].EndSeconds));
        Assert.Equal((2.0, 10.0), (w.Phases[1].StartSeconds, w.Phases[1].EndSeconds));
        Assert.Equal(OpKind.FaultAnon, w.Phases[0].Activities[0].Op);
        Assert.Equal(4, w.Phases[0].Activities[0].Batch);
        Assert.Equal(0.25, w.Phases[0].Activities[0].HotFraction);
        Assert.Equal(500.5, w.Phases[0].Activities[1].RatePerSecond);
        Assert.Equal("low", w.Phases[0].Activities[1].PauseBelowWatermark);
        Assert.Equal(Gfp.Atomic, w.Phases[1].Activities[1].Gfp);
        Assert.Null(w.Phases[1].Activities[1].Count);
    }

    [Fact]
    public void Every_activity_field_arrives()
    {
        var a = TestFiles.Load("small-mixed").Workload.Phases[1].Activities[0];

        var expected = new ActivitySpec
        {
            Task = "net",
            Op = OpKind.NetFragRefill,
            RatePerSecond = 2000,
            Gfp = Gfp.Atomic | GfpFlags.NoWarn,
            LifetimeMs = 2,
            Rx = true,
            Batch = 1,
            Count = 100,
            Order = 3,
            Owner = PageOwner.NetBuffer,
            HotFraction = 0,
            DirtyFraction = 0,
            OnlyIfFreeBlock = true,
            MaxHeldPages = 4096,
            PauseBelowWatermark = null,
            ChunkPages = 16,
            ArenaPages = 1024,
            ReserveMb = 2.5,
        };
        Assert.Equal(expected, a);
    }

    [Fact]
    public void Left_out_fields_keep_the_defaults()
    {
        var s = TestFiles.Load("minimal");

        Assert.Null(s.SeedDocument);
        Assert.Null(s.Description);
        Assert.Equal(ScenarioMachine.DefaultHz, s.Machine.Hz);
        Assert.Equal(BuddyGeometry.X86_64, s.Machine.Geometry);
        Assert.Equal(0, s.Machine.SwapPages);
        Assert.Null(s.Machine.UptimeSeconds);
        Assert.Equal(new ScenarioSysctls(), s.Sysctls);
        Assert.Empty(s.Workload.Memcgs);
        Assert.Empty(s.Workload.Tasks);
        Assert.Empty(s.Workload.Phases);
        Assert.Empty(s.Variants);
        Assert.Empty(s.Properties);
    }

    [Fact]
    public void An_activity_with_only_task_and_op_is_the_model_default_activity()
    {
        var s = TestFiles.ParseMixed(t => t["phases"]![0]!["activities"] = System.Text.Json.Nodes.JsonNode.Parse("""[{"task": "app", "op": "touch"}]"""));

        Assert.Equal(new ActivitySpec { Task = "app", Op = OpKind.Touch }, s.Workload.Phases[0].Activities[0]);
    }

    [Theory]
    [InlineData("small-mixed")]
    [InlineData("minimal")]
    public void Writing_and_reloading_gives_the_same_scenario(string id)
    {
        var first = ScenarioWriter.Write(TestFiles.Load(id));
        var again = ScenarioWriter.Write(ScenarioLoader.Parse(first, "written.json"));

        Assert.Equal(first, again);
    }

    [Fact]
    public void The_written_form_keeps_the_values()
    {
        var original = TestFiles.Load("small-mixed");
        var reloaded = ScenarioLoader.Parse(ScenarioWriter.Write(original), "written.json");

        Assert.Equal(original.Machine.Spec.AllZones, reloaded.Machine.Spec.AllZones);
        Assert.Equal(original.Machine with { Spec = reloaded.Machine.Spec }, reloaded.Machine);
        Assert.Equal(original.Sysctls with { LowmemReserveRatio = null }, reloaded.Sysctls with { LowmemReserveRatio = null });
        Assert.Equal(original.Sysctls.LowmemReserveRatio!, reloaded.Sysctls.LowmemReserveRatio!);
        Assert.Equal(original.Workload.Tasks, reloaded.Workload.Tasks);
        Assert.Equal(original.Workload.Memcgs, reloaded.Workload.Memcgs);
        Assert.Equal(
            original.Workload.Phases.SelectMany(p => p.Activities),
            reloaded.Workload.Phases.SelectMany(p => p.Activities));
        Assert.Equal(original.Variants, reloaded.Variants);
        Assert.Equal(original.Properties.Keys, reloaded.Properties.Keys);
    }

    public static TheoryData<OpKind> Ops => new(Enum.GetValues<OpKind>());

    [Theory]
    [MemberData(nameof(Ops))]
    public void Every_op_is_spelt_in_kebab_case(OpKind op)
    {
        var name = KebabCase.Name(op);

        Assert.Matches("^[a-z]+(-[a-z]+)*$", name);
        Assert.True(KebabCase.TryParse<OpKind>(name, out var back));
        Assert.Equal(op, back);
    }

    [Theory]
    [InlineData("fault-anon-thp", OpKind.FaultAnonThp)]
    [InlineData("net-frag-refill", OpKind.NetFragRefill)]
    [InlineData("lazy-free-feeder", OpKind.LazyFreeFeeder)]
    [InlineData("drop-caches", OpKind.DropCaches)]
    public void Ops_read_as_the_brief_spells_them(string name, OpKind op)
    {
        var s = TestFiles.ParseMixed(t => t["phases"]![0]!["activities"]![0]!["op"] = name);

        Assert.Equal(op, s.Workload.Phases[0].Activities[0].Op);
    }

    [Theory]
    [InlineData("unmovable", PageOwner.Unmovable)]
    [InlineData("slab", PageOwner.Slab)]
    [InlineData("lru-file", PageOwner.LruFile)]
    [InlineData("lru-anon", PageOwner.LruAnon)]
    [InlineData("net-buffer", PageOwner.NetBuffer)]
    [InlineData("pinned", PageOwner.Pinned)]
    public void Owners_are_spelt_in_kebab_case(string name, PageOwner owner)
    {
        var s = TestFiles.ParseMixed(t => t["phases"]![0]!["activities"]![0]!["owner"] = name);

        Assert.Equal(owner, s.Workload.Phases[0].Activities[0].Owner);
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public void Switch_sysctls_take_numbers_or_booleans(string json, bool expected)
    {
        var s = TestFiles.ParseMixed(t => t["sysctls"]!["defrag_mode"] = System.Text.Json.Nodes.JsonNode.Parse(json));

        Assert.Equal(expected, s.Sysctls.DefragMode);
    }

    [Fact]
    public void Default_min_free_kbytes_is_the_same_as_leaving_it_out()
    {
        var written = TestFiles.ParseMixed(t => t["sysctls"]!["min_free_kbytes"] = "default");
        var absent = TestFiles.ParseMixed(t => t["sysctls"]!.AsObject().Remove("min_free_kbytes"));

        Assert.Null(written.Sysctls.MinFreeKbytes);
        Assert.Equal(absent.Sysctls with { LowmemReserveRatio = null }, written.Sysctls with { LowmemReserveRatio = null });
    }
}
