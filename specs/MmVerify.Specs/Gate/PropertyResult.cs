using MmVerify.Engine.Properties;

namespace MmVerify.Specs.Gate;

/// <summary>A property's verdict on one run, with why and when (simulated seconds).</summary>
public sealed record PropertyResult(Verdict Verdict, string Reason, double? At = null)
{
    public static PropertyResult Holds(string reason) => new(Verdict.Holds, reason);

    public static PropertyResult Violated(double at, string reason) => new(Verdict.Violated, reason, at);

    public static PropertyResult Unknown(string reason) => new(Verdict.Unknown, reason);
}
