namespace MmVerify.Cli.Report;

/// <summary>
/// A moment the report points at: a counterexample's failing step (simulated seconds), the property it
/// violates and the property's explanation. Drawn as a red line through every chart and a banner on top.
/// </summary>
public sealed record ReportHighlight(double TimeSeconds, string PropertyId, string Explanation);
