namespace MmVerify.Specs.Metrics;

/// <summary>Summary statistics over runs, as mmtests' compare-kernels names them.</summary>
public static class MetricStats
{
    /// <summary>Amean for counts, Hmean for rates.</summary>
    public static string MeanName(MetricKind kind) => kind == MetricKind.Rate ? "Hmean" : "Amean";

    public static double Mean(MetricKind kind, IReadOnlyList<double> values) => kind == MetricKind.Rate ? Hmean(values) : Amean(values);

    public static double Amean(IReadOnlyList<double> values) => values.Count == 0 ? 0 : values.Sum() / values.Count;

    /// <summary>Harmonic mean; a zero rate makes it zero (its limit), as a stalled iteration should.</summary>
    public static double Hmean(IReadOnlyList<double> values)
    {
        if (values.Count == 0 || values.Any(v => v <= 0))
        {
            return 0;
        }

        return values.Count / values.Sum(v => 1 / v);
    }

    /// <summary>Sample standard deviation (n - 1); 0 for a single run.</summary>
    public static double Stddev(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return 0;
        }

        var mean = Amean(values);
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    /// <summary>Change of the patch from the base in percent; null when the base is 0 (no reference to scale by).</summary>
    public static double? DeltaPercent(double baseValue, double patchValue)
    {
        if (baseValue == 0)
        {
            return patchValue == 0 ? 0 : null;
        }

        return (patchValue - baseValue) / Math.Abs(baseValue) * 100;
    }
}
