using System.Globalization;
using System.Net;
using System.Text;

namespace MmVerify.Cli.Report;

/// <summary>Writing SVG and HTML text: invariant number formatting and escaping, so equal inputs give equal bytes.</summary>
internal static class Svg
{
    /// <summary>A coordinate with one decimal at most (sub-pixel precision is noise).</summary>
    public static string N(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

    public static string Int(long v) => v.ToString(CultureInfo.InvariantCulture);

    public static string Esc(string text) => WebUtility.HtmlEncode(text);

    /// <summary>"M x y L x y ..." through the points; empty for none.</summary>
    public static string Path(IEnumerable<(double X, double Y)> points)
    {
        var sb = new StringBuilder();
        foreach (var (x, y) in points)
        {
            sb.Append(sb.Length == 0 ? "M" : " L").Append(N(x)).Append(' ').Append(N(y));
        }

        return sb.ToString();
    }

    /// <summary>A step line: each value holds until the next point (the samples are per-second levels).</summary>
    public static string StepPath(IReadOnlyList<(double X, double Y)> points)
    {
        var steps = new List<(double, double)>();
        for (var i = 0; i < points.Count; i++)
        {
            if (i > 0)
            {
                steps.Add((points[i].X, points[i - 1].Y));
            }

            steps.Add(points[i]);
        }

        return Path(steps);
    }

    /// <summary>"1.2 G", "340 k": short axis labels.</summary>
    public static string Short(double v)
    {
        var a = Math.Abs(v);
        return a >= 1e9 ? (v / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + " G"
            : a >= 1e6 ? (v / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + " M"
            : a >= 1e4 ? (v / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + " k"
            : a >= 100 ? v.ToString("0", CultureInfo.InvariantCulture)
            : v.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
