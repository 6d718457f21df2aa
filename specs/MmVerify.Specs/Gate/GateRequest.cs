namespace MmVerify.Specs.Gate;

/// <summary>What `mmverify check` is asked to check. Empty lists mean "all that apply".</summary>
public sealed record GateRequest(
    IReadOnlyList<string> Scenarios,
    IReadOnlyList<string> Variants,
    IReadOnlyList<string> Properties,
    string Budget,
    ulong Seed)
{
    /// <summary>Worker threads; verdicts and reports do not depend on it.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;
}
