namespace MmVerify.Engine.Explore;

/// <summary>How far and how wide to search. MaxStates bounds the stored states (the memory budget).</summary>
public sealed record ExploreOptions(long MaxStates = 50_000_000, int Threads = 2);
