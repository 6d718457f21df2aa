namespace MmVerify.Engine.Explore;

/// <summary>
/// How far and how wide to search. MaxStates bounds the stored states (the memory budget): the search stops
/// after the first level that takes the store past it (or past Explorer.MaxIds) and is then incomplete.
/// </summary>
public sealed record ExploreOptions(long MaxStates = 50_000_000, int Threads = 2);
