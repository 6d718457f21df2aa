namespace MmVerify.Specs.Counterexamples;

/// <summary>A counterexample file that cannot be replayed: malformed, or from another schema or model version.</summary>
public sealed class CounterexampleException(string file, string message) : Exception($"{file}: {message}");
