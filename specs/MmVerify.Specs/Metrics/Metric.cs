namespace MmVerify.Specs.Metrics;

/// <summary>How runs of a metric are averaged: counts and levels arithmetically, rates and fractions harmonically (as mmtests does).</summary>
public enum MetricKind
{
    Count,
    Rate,
}

/// <summary>One measured quantity of one run; compared across variants, never judged (DESIGN.md "metrics").</summary>
public sealed record Metric(string Id, string Label, MetricKind Kind, double Value);
