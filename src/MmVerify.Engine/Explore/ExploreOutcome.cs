using MmVerify.Engine.Properties;

namespace MmVerify.Engine.Explore;

/// <summary>The verdict of one property; Unknown when the search was cut short and found nothing.</summary>
public sealed record ExploreResult(string Property, Verdict Verdict, ExploreTrace? Counterexample);

/// <summary>
/// What a search did. Complete: every reachable state was stored and expanded. States: distinct states stored;
/// Transitions: successors generated (with duplicates). StoreBytes: the bytes the state store holds
/// (arrays as allocated, hash table included), so BytesPerState is measured, not estimated.
/// </summary>
public sealed record ExploreOutcome(bool Complete, long States, long Transitions, int Depth, TimeSpan Elapsed, long StoreBytes, IReadOnlyList<ExploreResult> Results)
{
    public double StatesPerSecond => States / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public double TransitionsPerSecond => Transitions / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public double BytesPerState => States == 0 ? 0 : (double)StoreBytes / States;
}
