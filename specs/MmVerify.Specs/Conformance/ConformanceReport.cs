namespace MmVerify.Specs.Conformance;

/// <summary>The first event the specification cannot explain.</summary>
public sealed record ConformanceViolation(
    TracePoint Event,
    ConformanceRule Rule,
    string Explanation,
    IReadOnlyList<TracePoint> Context);

/// <summary>How one rule fared: checked on how many events, or why it could not be checked.</summary>
public sealed record RuleCheck(ConformanceRule Rule, bool Checked, int Events, string Note);

/// <summary>The verdict over one trace.</summary>
public sealed record ConformanceReport(
    string Variant,
    int Events,
    IReadOnlyList<int> Nodes,
    ConformanceViolation? FirstViolation,
    IReadOnlyList<RuleCheck> Checks,
    int LostMarkers)
{
    public bool Conforms => FirstViolation is null;
}
