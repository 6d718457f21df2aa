namespace MmVerify.Engine.Explore;

/// <summary>
/// A counterexample: States[0] is the initial state and Actions[i] leads from States[i] to States[i + 1].
/// For a lasso, LoopStart is the index of the state the cycle returns to (the last state equals States[LoopStart]);
/// for an invariant it is -1.
/// </summary>
public sealed record ExploreTrace(IReadOnlyList<ulong> States, IReadOnlyList<int> Actions, int LoopStart)
{
    public bool IsLasso => LoopStart >= 0;
}
