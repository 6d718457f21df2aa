using System.Globalization;
using MmVerify.Specs.Metrics;

namespace MmVerify.Cli.Compare;

/// <summary>
/// The table in the style of mmtests' compare-kernels: one row per metric, the base's mean with (0.00%),
/// the patch's mean with its change from the base in percent; Amean for counts, Hmean for rates. Then each
/// property's verdict for both variants side by side, '*' where they differ.
/// </summary>
internal static class CompareText
{
    private const int NameWidth = 28;
    private const int ValueWidth = 16;

    public static void Write(Comparison c, TextWriter output)
    {
        var runs = c.Seeds.Count;
        output.WriteLine($"# mmverify compare: {c.Scenario}, {c.Seconds} simulated s, {runs} run{(runs == 1 ? "" : "s")} per variant (seed{(runs == 1 ? "" : "s")} {SeedList(c)})");
        output.WriteLine("# percentages: change of the patch from the base; Amean for counts, Hmean for rates; n/a: the base is 0");
        var columns = Math.Max(ValueWidth + 11, Math.Max(c.Base.Length, c.Patch.Length) + 2);
        var indent = new string(' ', NameWidth + 8);
        output.WriteLine(indent + "base".PadLeft(columns) + "patch".PadLeft(columns));
        output.WriteLine(indent + c.Base.PadLeft(columns) + c.Patch.PadLeft(columns));
        foreach (var m in c.Metrics)
        {
            var baseMean = ComparedMetric.Mean(m.Kind, m.Base);
            var patchMean = ComparedMetric.Mean(m.Kind, m.Patch);
            var delta = baseMean is { } b && patchMean is { } p ? MetricStats.DeltaPercent(b, p) : null;
            var baseCell = Cell(m.Kind, baseMean, baseMean is null ? null : 0.0, baseMean is not null);
            var patchCell = Cell(m.Kind, patchMean, delta, baseMean is not null);
            output.WriteLine($"{MetricStats.MeanName(m.Kind),-8}{m.Id,-NameWidth}" + baseCell.PadLeft(columns) + patchCell.PadLeft(columns));
            if (runs > 1)
            {
                var baseSd = MetricStats.Stddev(ComparedMetric.Present(m.Base));
                var patchSd = MetricStats.Stddev(ComparedMetric.Present(m.Patch));
                var pad = new string(' ', 11);
                output.WriteLine(($"{"Stddev",-8}{m.Id,-NameWidth}" + (Value(m.Kind, baseSd) + pad).PadLeft(columns) + (Value(m.Kind, patchSd) + pad).PadLeft(columns)).TrimEnd());
            }
        }

        output.WriteLine();
        var width = Math.Max(NameWidth + 8, c.Properties.Select(p => p.Id.Length + 2).DefaultIfEmpty(0).Max());
        output.WriteLine("property".PadRight(width) + c.Base.PadRight(columns) + c.Patch);
        foreach (var p in c.Properties)
        {
            var b = ComparedProperty.Summary(p.Base);
            var q = ComparedProperty.Summary(p.Patch);
            output.WriteLine((p.Id.PadRight(width) + b.PadRight(columns) + q.PadRight(columns) + (b == q ? "" : "*")).TrimEnd());
        }
    }

    private static string SeedList(Comparison c) =>
        c.Seeds.Count <= 3 ? string.Join(", ", c.Seeds) : $"{c.Seeds[0]}..{c.Seeds[^1]}";

    /// <summary>"  12345.00 (  -3.02%)"; "-" where no run exercised the metric.</summary>
    private static string Cell(MetricKind kind, double? value, double? delta, bool hasBase)
    {
        if (value is not { } v)
        {
            return "-" + new string(' ', 11);
        }

        var percent = hasBase && delta is { } d ? $"({d.ToString("0.00", CultureInfo.InvariantCulture),7}%)" : "(    n/a)";
        return $"{Value(kind, v)} {percent,10}";
    }

    private static string Value(MetricKind kind, double v) => kind == MetricKind.Rate
        ? v.ToString("0.0000", CultureInfo.InvariantCulture)
        : v == Math.Floor(v) && Math.Abs(v) < 1e15 ? v.ToString("0", CultureInfo.InvariantCulture) : v.ToString("0.00", CultureInfo.InvariantCulture);
}
