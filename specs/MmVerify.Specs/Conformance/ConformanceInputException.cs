namespace MmVerify.Specs.Conformance;

/// <summary>A trace line of a known event whose fields the checker cannot read: bad input (exit 2).</summary>
public sealed class ConformanceInputException(int line, string message) : Exception($"line {line}: {message}")
{
    public int Line { get; } = line;
}
