using System.Globalization;
using System.Text;

namespace MmVerify.Cli.Report;

/// <summary>
/// One zone's /proc/buddyinfo row over time as a heatmap: a row per order (highest on top), a column per
/// second (averaged when there are more seconds than MaxColumns), darker for more free blocks on a log scale.
/// </summary>
internal static class BuddyHeatmap
{
    private const double Top = 24;
    private const double RowHeight = 14;
    private const int MaxColumns = 500;

    public static void Write(StringBuilder html, ReportInput input, string zone, TimeAxis axis)
    {
        var rows = input.Samples.Where(s => s.Buddyinfo.ContainsKey(zone)).Select(s => (s.T, Orders: s.Buddyinfo[zone])).ToArray();
        var orders = rows.Length == 0 ? 0 : rows[0].Orders.Length;
        var plot = orders * RowHeight;
        var height = Top + plot + 40;
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"chart heat\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Svg.N(TimeAxis.TotalWidth)}\" height=\"{Svg.N(height)}\" viewBox=\"0 0 {Svg.N(TimeAxis.TotalWidth)} {Svg.N(height)}\">");
        svg.Append($"<text class=\"ctitle\" x=\"{Svg.N(TimeAxis.Left)}\" y=\"16\">{Svg.Esc(zone.Trim())}: free blocks per order (buddyinfo), log scale</text>");

        // Columns: consecutive samples averaged so that no more than MaxColumns cells span a row.
        var perColumn = Math.Max(1, (rows.Length + MaxColumns - 1) / MaxColumns);
        var columns = new List<(double From, double To, double[] Mean)>();
        for (var i = 0; i < rows.Length; i += perColumn)
        {
            var chunk = rows.Skip(i).Take(perColumn).ToArray();
            var from = i == 0 ? 0 : rows[i - 1].T;
            var mean = Enumerable.Range(0, orders).Select(o => chunk.Average(r => (double)r.Orders[o])).ToArray();
            columns.Add((from, chunk[^1].T, mean));
        }

        var max = columns.SelectMany(c => c.Mean).DefaultIfEmpty(0).Max();
        foreach (var (from, to, mean) in columns)
        {
            var x = axis.X(from);
            var w = axis.X(to) - x;
            for (var o = 0; o < orders; o++)
            {
                var y = Top + ((orders - 1 - o) * RowHeight);
                svg.Append($"<rect x=\"{Svg.N(x)}\" y=\"{Svg.N(y)}\" width=\"{Svg.N(w + 0.3)}\" height=\"{Svg.N(RowHeight)}\" fill=\"{Color(mean[o], max)}\"><title>order {o}, t {Svg.N(from)}-{Svg.N(to)} s: {Svg.N(mean[o])} blocks</title></rect>");
            }
        }

        for (var o = 0; o < orders; o++)
        {
            var y = Top + ((orders - 1 - o) * RowHeight) + 11;
            svg.Append($"<text class=\"tick\" x=\"{Svg.N(TimeAxis.Left - 6)}\" y=\"{Svg.N(y)}\" text-anchor=\"end\">order {o}</text>");
        }

        axis.Draw(svg, Top, Top + plot, labels: true);
        axis.Highlight(svg, input.Highlight, Top, Top + plot);
        var ly = Top + plot + 32;
        svg.Append($"<text class=\"tick\" x=\"{Svg.N(TimeAxis.Left)}\" y=\"{Svg.N(ly)}\">0</text>");
        for (var i = 0; i <= 10; i++)
        {
            var v = Math.Pow(max + 1, i / 10.0) - 1;
            svg.Append($"<rect x=\"{Svg.N(TimeAxis.Left + 14 + (i * 16))}\" y=\"{Svg.N(ly - 10)}\" width=\"16\" height=\"12\" fill=\"{Color(v, max)}\"/>");
        }

        svg.Append($"<text class=\"tick\" x=\"{Svg.N(TimeAxis.Left + 14 + (11 * 16) + 6)}\" y=\"{Svg.N(ly)}\">{Svg.Short(max)} blocks</text>");
        svg.Append("</svg>");
        html.Append(svg);
    }

    /// <summary>Grey for none, then from pale to dark blue by log(1 + blocks).</summary>
    internal static string Color(double value, double max)
    {
        if (value <= 0 || max <= 0)
        {
            return "#eeeeee";
        }

        var f = Math.Clamp(Math.Log(1 + value) / Math.Log(1 + max), 0, 1);
        static int Mix(int a, int b, double f) => (int)Math.Round(a + ((b - a) * f));
        return string.Create(CultureInfo.InvariantCulture, $"#{Mix(222, 8, f):x2}{Mix(235, 48, f):x2}{Mix(247, 107, f):x2}");
    }
}
