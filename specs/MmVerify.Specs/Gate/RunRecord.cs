using MmVerify.Model.Sim;
using MmVerify.Model.Trace;

namespace MmVerify.Specs.Gate;

/// <summary>What a run of a scenario on a variant left for the properties to judge.</summary>
public sealed record RunRecord
{
    public required string Scenario { get; init; }

    public required string Variant { get; init; }

    public required ulong Seed { get; init; }

    public required double Seconds { get; init; }

    public required IReadOnlyList<SimSample> Samples { get; init; }

    public required IReadOnlyList<TraceEvent> Events { get; init; }

    public required World World { get; init; }

    /// <summary>min_free_kbytes and the sum of managed kB when the run started.</summary>
    public required long InitialMinFreeKbytes { get; init; }

    public required long TotalRamKbytes { get; init; }

    /// <summary>The first violation of each invariant checked during the run: property id -> (seconds, reason).</summary>
    public required IReadOnlyDictionary<string, (double At, string Reason)> InvariantViolations { get; init; }

    public required long Steps { get; init; }

    /// <summary>Every change of each node's kswapd lane state, starting with each node's state at time 0.</summary>
    public IReadOnlyList<KswapdLaneChange> KswapdLane { get; init; } = [];

    /// <summary>Every rise of a zone's watermark_boost.</summary>
    public IReadOnlyList<BoostRaise> BoostRaises { get; init; } = [];

    public IEnumerable<T> Of<T>() => Events.OfType<T>();
}
