namespace MmVerify.Engine.Properties;

/// <summary>A property failed at a step (0 = the initial state, k = after the k-th action).</summary>
public sealed record Violation(string PropertyId, int Step, string Reason)
{
    public override string ToString() => $"{PropertyId} violated at step {Step}: {Reason}";
}
