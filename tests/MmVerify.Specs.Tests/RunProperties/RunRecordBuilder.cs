using MmVerify.Engine.Properties;
using MmVerify.Model.Buddy;
using MmVerify.Model.Sim;
using MmVerify.Model.Topology;
using MmVerify.Model.Trace;
using MmVerify.Model.Variants;
using MmVerify.Specs.Gate;

namespace MmVerify.Specs.Tests.RunProperties;

/// <summary>
/// Hand-made runs for litmus tests of the run properties: a small booted machine (one node, one Normal zone)
/// plus the trace and samples a (possibly broken) kernel variant would leave.
/// </summary>
internal sealed class RunRecordBuilder
{
    private readonly List<TraceEvent> _events = [];
    private readonly List<SimSample> _samples = [];
    private readonly Dictionary<string, (double At, string Reason)> _violations = [];
    private long? _initialMinFree;

    public RunRecordBuilder(long pages = 262144, long minFreeKbytes = 4096, Action<VmSysctls>? sysctls = null)
    {
        var settings = new VmSysctls { UserMinFreeKbytes = minFreeKbytes };
        sysctls?.Invoke(settings);
        var spec = new MachineSpec([new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Normal, 0, pages)])]);
        World = new World(Machine.Boot(spec, settings, BuddyGeometry.X86_64), VariantCatalog.Resolve("linux-7.2"));
    }

    public World World { get; }

    public Machine Machine => World.Machine;

    public Zone Zone => World.ZonesOf(0)[0];

    public RunRecordBuilder Event(TraceEvent e)
    {
        _events.Add(e);
        return this;
    }

    /// <summary>A per-second sample; per-node lists are for node 0 only.</summary>
    public RunRecordBuilder Sample(double t, long minFreeKbytes = 4096, int kswapdFailures = 0, bool balanced = true, long free = 0, long high = 0, long pgstealKswapd = 0)
    {
        _samples.Add(new SimSample(t, free, 0, new Dictionary<string, long[]>(), [0.0], 0, pgstealKswapd, [kswapdFailures], new Dictionary<string, long>(), minFreeKbytes)
        {
            NodeBalanced = [balanced],
            NodeHighPages = [high],
            NodeFreePages = [free],
        });
        return this;
    }

    /// <summary>A task that exited (or was OOM-killed) during the run: the pressure source went away.</summary>
    public RunRecordBuilder ExitedTask()
    {
        World.Tasks.Add(new TaskState(World.Tasks.Count, 1000 + World.Tasks.Count, "hog", 0, 0) { Killed = true });
        return this;
    }

    public RunRecordBuilder InitialMinFree(long kbytes)
    {
        _initialMinFree = kbytes;
        return this;
    }

    /// <summary>Checks an invariant on the machine as it is now, recording its failure the way ScenarioRunner does.</summary>
    public RunRecordBuilder Check(IInvariant<Machine> invariant, double at)
    {
        if (!_violations.ContainsKey(invariant.Info.Id) && invariant.Check(Machine) is { } reason)
        {
            _violations[invariant.Info.Id] = (at, reason);
        }

        return this;
    }

    public RunRecord Build() => new()
    {
        Scenario = "litmus",
        Variant = "hand-made",
        Seed = 1,
        Seconds = _samples.Count == 0 ? 0 : _samples[^1].T,
        Samples = _samples,
        Events = _events,
        World = World,
        InitialMinFreeKbytes = _initialMinFree ?? Machine.Sysctls.MinFreeKbytes,
        TotalRamKbytes = Machine.Spec.TotalRamPages * 4,
        InvariantViolations = _violations,
        Steps = _events.Count + _samples.Count,
    };

    /// <summary>Judges the run property registered under id, as the gate does.</summary>
    public static PropertyResult Judge(string id, RunRecord run, IReadOnlyDictionary<string, double>? parameters = null) =>
        (PropertyCatalog.Find(id) ?? throw new ArgumentException($"no run property {id}")).Judge(run, new PropertyParameters(parameters));
}
