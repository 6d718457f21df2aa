namespace MmVerify.Engine.Properties;

/// <summary>The outcome of checking one property. Unknown is never reported as Holds.</summary>
public enum Verdict
{
    Holds,
    Violated,
    Unknown,
}
