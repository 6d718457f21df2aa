using System.Text;
using MmVerify.Model.Trace;
using MmVerify.Specs.Gate;

namespace MmVerify.Cli.Report;

/// <summary>
/// One node's kswapd over time: a lane whose every pixel column is split into the share of that time kswapd
/// ran, napped (the HZ/10 short sleep) and slept, and under it kswapd_failures as a step line from the
/// trace (reclaim_fail sets it, a clear_hopeless resets it) against MAX_RECLAIM_RETRIES.
/// </summary>
internal static class KswapdLaneChart
{
    private const double Top = 24;
    private const double Lane = 30;
    private const double Gap = 12;
    private const double Counter = 60;
    private const int Columns = (int)TimeAxis.Width;
    private const int MaxReclaimRetries = 16;

    private static readonly string[] StateClass = ["asleep", "napping", "running"];

    public static void Write(StringBuilder html, ReportInput input, int nid, TimeAxis axis)
    {
        var height = Top + Lane + Gap + Counter + 40;
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"chart lane\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Svg.N(TimeAxis.TotalWidth)}\" height=\"{Svg.N(height)}\" viewBox=\"0 0 {Svg.N(TimeAxis.TotalWidth)} {Svg.N(height)}\">");
        svg.Append($"<text class=\"ctitle\" x=\"{Svg.N(TimeAxis.Left)}\" y=\"16\">kswapd{nid}: running, napping (HZ/10 short sleep), asleep; kswapd_failures</text>");
        DrawLane(svg, input, nid, axis);
        svg.Append($"<text class=\"tick\" x=\"{Svg.N(TimeAxis.Left - 6)}\" y=\"{Svg.N(Top + 19)}\" text-anchor=\"end\">kswapd{nid}</text>");
        DrawFailures(svg, input, nid, axis, Top + Lane + Gap);
        axis.Draw(svg, Top, Top + Lane + Gap + Counter, labels: true);
        axis.Highlight(svg, input.Highlight, Top, Top + Lane + Gap + Counter);
        var x = TimeAxis.Left;
        var ly = height - 6;
        foreach (var (cls, text) in new[] { ("running", "running"), ("napping", "napping"), ("asleep", "asleep") })
        {
            svg.Append($"<rect class=\"{cls}\" x=\"{Svg.N(x)}\" y=\"{Svg.N(ly - 10)}\" width=\"14\" height=\"12\"/><text class=\"tick\" x=\"{Svg.N(x + 18)}\" y=\"{Svg.N(ly)}\">{text}</text>");
            x += 90;
        }

        svg.Append($"<path class=\"line failures\" d=\"M{Svg.N(x)} {Svg.N(ly - 4)} L{Svg.N(x + 22)} {Svg.N(ly - 4)}\"/><text class=\"tick\" x=\"{Svg.N(x + 26)}\" y=\"{Svg.N(ly)}\">kswapd_failures</text>");
        svg.Append("</svg>");
        html.Append(svg);
    }

    /// <summary>Seconds spent in each state per pixel column, from the lane's change points.</summary>
    internal static double[,] StateTime(IReadOnlyList<KswapdLaneChange> changes, int nid, double seconds)
    {
        var time = new double[Columns, 3];
        var mine = changes.Where(c => c.Nid == nid).ToArray();
        var width = seconds / Columns;
        for (var i = 0; i < mine.Length; i++)
        {
            var from = mine[i].TimeNs / 1e9;
            var to = i + 1 < mine.Length ? mine[i + 1].TimeNs / 1e9 : seconds;
            var state = (int)mine[i].State;
            while (from < to && from < seconds)
            {
                var column = Math.Min(Columns - 1, (int)(from / width));
                var end = Math.Min(to, (column + 1) * width);
                if (end <= from)
                {
                    // Floating point at a column edge: move to the next column.
                    end = Math.Min(to, from + (width * 1e-9));
                }

                time[column, state] += end - from;
                from = end;
            }
        }

        return time;
    }

    private static void DrawLane(StringBuilder svg, ReportInput input, int nid, TimeAxis axis)
    {
        var time = StateTime(input.KswapdLane, nid, axis.Seconds);

        // Stacked per column (running at the bottom), quantised to whole pixels and merged along runs of equal columns.
        var heights = new (int Running, int Napping, int Asleep)[Columns];
        for (var c = 0; c < Columns; c++)
        {
            var total = time[c, 0] + time[c, 1] + time[c, 2];
            if (total <= 0)
            {
                continue;
            }

            var running = (int)Math.Round(time[c, 2] / total * Lane);
            var napping = Math.Min((int)Lane - running, (int)Math.Round(time[c, 1] / total * Lane));
            heights[c] = (running, napping, (int)Lane - running - napping);
        }

        var start = 0;
        for (var c = 1; c <= Columns; c++)
        {
            if (c < Columns && heights[c] == heights[start])
            {
                continue;
            }

            var (running, napping, asleep) = heights[start];
            var x = Svg.N(TimeAxis.Left + start);
            var w = Svg.N(c - start);
            var y = Top + Lane;
            foreach (var (h, cls) in new[] { (running, 2), (napping, 1), (asleep, 0) })
            {
                if (h > 0)
                {
                    y -= h;
                    svg.Append($"<rect class=\"{StateClass[cls]}\" x=\"{x}\" y=\"{Svg.N(y)}\" width=\"{w}\" height=\"{Svg.Int(h)}\"/>");
                }
            }

            start = c;
        }
    }

    private static void DrawFailures(StringBuilder svg, ReportInput input, int nid, TimeAxis axis, double top)
    {
        var points = new List<(double T, int Failures)> { (0, 0) };
        foreach (var e in input.Events)
        {
            if (e is KswapdReclaimFailEvent f && f.Nid == nid)
            {
                points.Add((f.TimeNs / 1e9, f.Failures));
            }
            else if (e is KswapdClearHopelessEvent c && c.Nid == nid)
            {
                points.Add((c.TimeNs / 1e9, 0));
            }
        }

        points.Add((axis.Seconds, points[^1].Failures));
        var max = Math.Max(MaxReclaimRetries, points.Max(p => p.Failures));
        double Y(double v) => top + Counter - (v / max * Counter);
        svg.Append($"<line class=\"grid\" x1=\"{Svg.N(TimeAxis.Left)}\" y1=\"{Svg.N(Y(0))}\" x2=\"{Svg.N(TimeAxis.Left + TimeAxis.Width)}\" y2=\"{Svg.N(Y(0))}\"/>");
        svg.Append($"<line class=\"line hopeless\" x1=\"{Svg.N(TimeAxis.Left)}\" y1=\"{Svg.N(Y(MaxReclaimRetries))}\" x2=\"{Svg.N(TimeAxis.Left + TimeAxis.Width)}\" y2=\"{Svg.N(Y(MaxReclaimRetries))}\"/>");
        svg.Append($"<text class=\"tick\" x=\"{Svg.N(TimeAxis.Left - 6)}\" y=\"{Svg.N(Y(MaxReclaimRetries) + 4)}\" text-anchor=\"end\">16</text>");
        svg.Append($"<text class=\"tick\" x=\"{Svg.N(TimeAxis.Left - 6)}\" y=\"{Svg.N(Y(0) + 4)}\" text-anchor=\"end\">0</text>");

        // Thousands of resets would make an unreadable path: keep the last value per pixel column and each column's peak.
        var perColumn = new SortedDictionary<int, (int Max, int Last)>();
        foreach (var (t, v) in points)
        {
            var c = axis.Column(t, Columns);
            perColumn[c] = perColumn.TryGetValue(c, out var cur) ? (Math.Max(cur.Max, v), v) : (v, v);
        }

        var path = new List<(double, double)>();
        var previous = 0;
        foreach (var (c, (peak, last)) in perColumn)
        {
            var x = TimeAxis.Left + c;
            path.Add((x, Y(previous)));
            path.Add((x, Y(peak)));
            path.Add((x, Y(last)));
            previous = last;
        }

        path.Add((TimeAxis.Left + TimeAxis.Width, Y(previous)));
        svg.Append($"<path class=\"line failures\" d=\"{Svg.Path(path)}\"/>");
    }
}
