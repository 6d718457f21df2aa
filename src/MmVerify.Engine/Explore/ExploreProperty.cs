namespace MmVerify.Engine.Explore;

/// <summary>A property the explorer judges: a state invariant, a step (transition) invariant, or a liveness property.</summary>
public abstract record ExploreProperty(string Id);

/// <summary>Holds in every reachable state; a violation is a shortest path to a bad state.</summary>
public sealed record StateInvariant(string Id, Func<ulong, bool> Holds) : ExploreProperty(Id);

/// <summary>Holds on every reachable transition (source, step); a violation is a shortest path ending with the bad step.</summary>
public sealed record StepInvariant(string Id, Func<ulong, Step, bool> Holds) : ExploreProperty(Id);

/// <summary>
/// "Always eventually Goal" (GF Goal) under weak fairness of the actions in Fair: every fair infinite run
/// visits a Goal state infinitely often. A violation is a lasso: a path to a cycle that avoids Goal and is fair
/// (it takes a fair action, or passes a state where no fair action is enabled).
/// </summary>
public sealed record FairLiveness(string Id, Func<ulong, bool> Goal, Func<int, bool> Fair) : ExploreProperty(Id);
