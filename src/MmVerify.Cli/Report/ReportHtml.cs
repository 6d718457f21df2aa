using System.Globalization;
using System.Text;
using MmVerify.Engine.Properties;

namespace MmVerify.Cli.Report;

/// <summary>
/// The report page: one self-contained HTML file (inline CSS and SVG, no script, nothing fetched), written
/// with invariant formatting so the same run gives the same bytes.
/// </summary>
public static class ReportHtml
{
    private const string Style = """
        body { font: 14px/1.4 sans-serif; margin: 16px 24px; color: #222; background: #fff; }
        h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 24px 0 6px; }
        .sub { color: #555; margin-bottom: 12px; }
        .banner { border: 2px solid #d00; background: #fff0f0; padding: 8px 12px; margin: 8px 0 12px; }
        table { border-collapse: collapse; margin: 4px 0 12px; } td, th { border: 1px solid #ccc; padding: 2px 8px; text-align: left; vertical-align: top; }
        td.num { text-align: right; font-family: monospace; }
        .holds { color: #1a7f37; } .violated { color: #c00; font-weight: bold; } .unknown { color: #8a6d00; }
        svg.chart { display: block; margin: 4px 0 10px; }
        .grid { stroke: #e2e2e2; stroke-width: 1; }
        .tick { font: 11px sans-serif; fill: #444; } .ctitle { font: bold 13px sans-serif; fill: #222; }
        .line { fill: none; stroke-width: 1.4; } .dashed { stroke-dasharray: 5 3; }
        .free { stroke: #1f5fbf; stroke-width: 2; } .min { stroke: #d62728; } .low { stroke: #e07b00; } .high { stroke: #2a9d3a; }
        .failures { stroke: #111; stroke-width: 1.5; } .hopeless { stroke: #999; stroke-dasharray: 3 3; }
        .running { fill: #d62728; } .napping { fill: #f2b134; } .asleep { fill: #c9d4e3; }
        .mark.wake { fill: #1f5fbf; } .mark.reset { fill: #7a3db8; } .mark.boost { fill: #e07b00; } .mark.fail { fill: #d62728; }
        .mark.oom { fill: #111; } .mark.violation { fill: #c00; }
        .highlight { stroke: #e00000; stroke-width: 2; }
        """;

    public static string Render(ReportInput input)
    {
        var axis = new TimeAxis(input.Seconds);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append($"<title>mmverify report: {Svg.Esc(input.Title)}</title>");
        html.Append("<style>").Append(Style).Append("</style></head><body>\n");
        html.Append($"<h1>mmverify report: {Svg.Esc(input.Title)}</h1>\n<div class=\"sub\">{Svg.Esc(input.Subtitle)}</div>\n");
        if (input.Highlight is { } h)
        {
            html.Append($"<div class=\"banner\" id=\"highlight\"><b>{Svg.Esc(h.PropertyId)}</b> violated at t = {Svg.N(h.TimeSeconds)} s (red line in every chart): {Svg.Esc(h.Explanation)}</div>\n");
        }

        Verdicts(html, input);
        html.Append("<h2>kswapd</h2>\n");
        for (var n = 0; n < input.Nodes; n++)
        {
            KswapdLaneChart.Write(html, input, n, axis);
            html.Append('\n');
        }

        EventMarkers.Write(html, input, axis);
        html.Append('\n');
        foreach (var zone in Zones(input))
        {
            html.Append($"<h2>{Svg.Esc(zone.Trim())}</h2>\n");
            WatermarkChart.Write(html, input, zone, axis);
            html.Append('\n');
            BuddyHeatmap.Write(html, input, zone, axis);
            html.Append('\n');
        }

        Metrics(html, input);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>The populated zones, in the samples' order (node, then zone index).</summary>
    private static IEnumerable<string> Zones(ReportInput input) =>
        input.Samples.SelectMany(s => s.Zones.Select(z => z.Label)).Distinct();

    private static void Verdicts(StringBuilder html, ReportInput input)
    {
        if (input.Verdicts.Count == 0)
        {
            return;
        }

        html.Append("<h2>Properties</h2>\n<table id=\"verdicts\"><tr><th>property</th><th>verdict</th><th>at</th><th>why</th></tr>\n");
        foreach (var (property, result) in input.Verdicts)
        {
            var verdict = result.Verdict.ToString().ToLowerInvariant();
            var at = result.At is { } t ? Svg.N(t) + " s" : "";
            html.Append($"<tr><td>{Svg.Esc(property)}</td><td class=\"{verdict}\">{verdict}</td><td class=\"num\">{at}</td><td>{Svg.Esc(result.Reason)}</td></tr>\n");
        }

        html.Append("</table>\n");
        if (input.Verdicts.Any(v => v.Result.Verdict == Verdict.Violated))
        {
            html.Append("<div class=\"sub\">Violations are marked in the event rows below.</div>\n");
        }
    }

    private static void Metrics(StringBuilder html, ReportInput input)
    {
        if (input.Metrics.Count == 0)
        {
            return;
        }

        html.Append("<h2>Metrics</h2>\n<table id=\"metrics\"><tr><th>metric</th><th>value</th><th>meaning</th></tr>\n");
        foreach (var m in input.Metrics)
        {
            var value = m.Kind == Specs.Metrics.MetricKind.Rate
                ? m.Value.ToString("0.0000", CultureInfo.InvariantCulture)
                : m.Value.ToString("0.##", CultureInfo.InvariantCulture);
            html.Append($"<tr><td>{Svg.Esc(m.Id)}</td><td class=\"num\">{value}</td><td>{Svg.Esc(m.Label)}</td></tr>\n");
        }

        html.Append("</table>\n");
    }
}
