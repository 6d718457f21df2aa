namespace MmVerify.Engine.Properties;

/// <summary>A property of a single state, checked after every step.</summary>
public interface IInvariant<in TState>
{
    PropertyInfo Info { get; }

    /// <summary>Null when the state satisfies the property, otherwise why not.</summary>
    string? Check(TState state);
}
