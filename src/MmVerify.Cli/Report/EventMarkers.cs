using System.Globalization;
using System.Text;
using MmVerify.Engine.Properties;
using MmVerify.Model.Trace;

namespace MmVerify.Cli.Report;

/// <summary>
/// Marker rows from the trace: kswapd wakeups, kswapd_failures resets, boosts, allocation failures, OOM kills
/// and the run's property violations. Events are counted per 2-pixel bin (a storm has millions); a bin's
/// darkness grows with log(count) and its tooltip gives the count.
/// </summary>
internal static class EventMarkers
{
    private const double Top = 24;
    private const double RowHeight = 18;
    private const int Bins = (int)(TimeAxis.Width / 2);

    public static void Write(StringBuilder html, ReportInput input, TimeAxis axis)
    {
        var rows = new List<(string Label, string Cls, IEnumerable<double> Times)>
        {
            ("wakeup_kswapd", "wake", Times<WakeupKswapdEvent>(input)),
            ("kswapd_failures reset", "reset", Times<KswapdClearHopelessEvent>(input)),
            ("watermark boost", "boost", input.BoostRaises.Select(b => b.TimeNs / 1e9)),
            ("allocation failure", "fail", Times<PageAllocFailEvent>(input)),
            ("OOM kill", "oom", Times<OomKillEvent>(input)),
            ("property violated", "violation", input.Verdicts.Where(v => v.Result.Verdict == Verdict.Violated && v.Result.At is not null).Select(v => v.Result.At!.Value)),
        };
        var plot = rows.Count * RowHeight;
        var height = Top + plot + 24;
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"chart markers\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Svg.N(TimeAxis.TotalWidth)}\" height=\"{Svg.N(height)}\" viewBox=\"0 0 {Svg.N(TimeAxis.TotalWidth)} {Svg.N(height)}\">");
        svg.Append($"<text class=\"ctitle\" x=\"{Svg.N(TimeAxis.Left)}\" y=\"16\">events from the trace (count per bin on hover; total on the right)</text>");
        axis.Draw(svg, Top, Top + plot, labels: true);
        for (var r = 0; r < rows.Count; r++)
        {
            var (label, cls, times) = rows[r];
            var y = Top + (r * RowHeight);
            svg.Append($"<text class=\"tick\" x=\"{Svg.N(TimeAxis.Left - 6)}\" y=\"{Svg.N(y + 13)}\" text-anchor=\"end\">{Svg.Esc(label)}</text>");
            var counts = new long[Bins];
            long total = 0;
            foreach (var t in times)
            {
                counts[axis.Column(t, Bins)]++;
                total++;
            }

            svg.Append($"<text class=\"tick\" x=\"{Svg.N(TimeAxis.Left + TimeAxis.Width + 4)}\" y=\"{Svg.N(y + 13)}\">{Svg.Short(total)}</text>");

            var max = counts.Max();
            for (var b = 0; b < Bins; b++)
            {
                if (counts[b] == 0)
                {
                    continue;
                }

                var opacity = 0.35 + (0.65 * Math.Log(1 + counts[b]) / Math.Log(1 + max));
                var from = b * axis.Seconds / Bins;
                svg.Append($"<rect class=\"mark {cls}\" x=\"{Svg.N(TimeAxis.Left + (b * 2))}\" y=\"{Svg.N(y + 2)}\" width=\"2\" height=\"{Svg.N(RowHeight - 4)}\" fill-opacity=\"{opacity.ToString("0.00", CultureInfo.InvariantCulture)}\"><title>{Svg.Esc(label)}: {Svg.Int(counts[b])} at {Svg.N(from)}-{Svg.N(from + (axis.Seconds / Bins))} s</title></rect>");
            }
        }

        axis.Highlight(svg, input.Highlight, Top, Top + plot);
        svg.Append("</svg>");
        html.Append(svg);
    }

    // Lazy: a storm's failures are counted into bins, never copied.
    private static IEnumerable<double> Times<T>(ReportInput input)
        where T : TraceEvent => input.Events.OfType<T>().Select(e => e.TimeNs / 1e9);
}
