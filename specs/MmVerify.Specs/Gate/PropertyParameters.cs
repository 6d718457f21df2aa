namespace MmVerify.Specs.Gate;

/// <summary>A property's parameters from the scenario file, with defaults.</summary>
public sealed class PropertyParameters(IReadOnlyDictionary<string, double>? values)
{
    public double Get(string name, double fallback) =>
        values is not null && values.TryGetValue(name, out var v) ? v : fallback;
}
