namespace MmVerify.Engine.Properties;

/// <summary>
/// A property of one transition: it observes the state before the step and judges the state after it
/// (for example "more free pages never turn a passing check into a failing one").
/// </summary>
public interface IStepProperty<TState, in TAction>
{
    PropertyInfo Info { get; }

    /// <summary>Observes the pre-state; returns the judge of the post-state (null when the step is not relevant).</summary>
    Func<TState, string?>? Before(TState state, TAction action);
}
