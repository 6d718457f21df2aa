namespace MmVerify.Engine.Explore;

/// <summary>One transition out of a state: the action's number and the packed target state.</summary>
public readonly record struct Step(int Action, ulong Target);

/// <summary>
/// A finite transition system whose states are packed canonically into one <c>ulong</c> (equal states, equal
/// words). The explorer stores the words exactly, so two states never share an entry. ulong.MaxValue is
/// reserved (the set's empty marker) and must not be a state.
/// </summary>
public interface IExplorable
{
    ulong Initial { get; }

    /// <summary>An upper bound on the number of successors of any state.</summary>
    int MaxSuccessors { get; }

    /// <summary>Writes the successors of <paramref name="state"/> into <paramref name="into"/> in a fixed order; returns how many.</summary>
    int Successors(ulong state, Span<Step> into);

    string ActionName(int action);

    string Describe(ulong state);
}
