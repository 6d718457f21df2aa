using System.Text;
using MmVerify.Model.Sim;

namespace MmVerify.Cli.Report;

/// <summary>
/// One zone's free pages against its min, low and high watermarks per second: the un-boosted _watermark[]
/// dashed, and, where the zone was ever boosted, the boosted marks (what the allocator and kswapd check) solid.
/// </summary>
internal static class WatermarkChart
{
    private const double Top = 24;
    private const double Plot = 200;

    public static void Write(StringBuilder html, ReportInput input, string zone, TimeAxis axis)
    {
        var points = input.Samples
            .Select(s => (s.T, Zone: s.Zones.FirstOrDefault(z => z.Label == zone)))
            .Where(p => p.Zone is not null)
            .Select(p => (p.T, Zone: p.Zone!))
            .ToArray();
        var boosted = points.Any(p => p.Zone.Boost > 0);

        // The marks are what the eye must compare free pages with: free memory far above them (at boot, on an
        // idle node) is clipped at four times the highest mark rather than flattening the marks onto the axis.
        var marks = points.Select(p => (double)(p.Zone.High + p.Zone.Boost)).DefaultIfEmpty(1).Max();
        var free = points.Select(p => (double)p.Zone.FreePages).DefaultIfEmpty(0).Max();
        var clipped = free > 4 * marks;
        var max = Math.Max(1, (clipped ? 4 * marks : Math.Max(free, marks)) * 1.05);
        var height = Top + Plot + 40;
        double Y(double v) => Top + Plot - (Math.Min(v, max) / max * Plot);

        var svg = new StringBuilder();
        svg.Append($"<svg class=\"chart wmark\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Svg.N(TimeAxis.TotalWidth)}\" height=\"{Svg.N(height)}\" viewBox=\"0 0 {Svg.N(TimeAxis.TotalWidth)} {Svg.N(height)}\">");
        var note = clipped ? $" (free pages above {Svg.Short(max)} drawn at the top; peak {Svg.Short(free)})" : "";
        svg.Append($"<text class=\"ctitle\" x=\"{Svg.N(TimeAxis.Left)}\" y=\"16\">{Svg.Esc(zone.Trim())}: free pages and watermarks{Svg.Esc(note)}</text>");
        axis.Draw(svg, Top, Top + Plot, labels: true);
        foreach (var frac in new[] { 0.0, 0.25, 0.5, 0.75, 1.0 })
        {
            var v = max / 1.05 * frac;
            svg.Append($"<line class=\"grid\" x1=\"{Svg.N(TimeAxis.Left)}\" y1=\"{Svg.N(Y(v))}\" x2=\"{Svg.N(TimeAxis.Left + TimeAxis.Width)}\" y2=\"{Svg.N(Y(v))}\"/>");
            svg.Append($"<text class=\"tick\" x=\"{Svg.N(TimeAxis.Left - 6)}\" y=\"{Svg.N(Y(v) + 4)}\" text-anchor=\"end\">{Svg.Short(v)}</text>");
        }

        Line(svg, points, axis, Y, p => p.Min, "min dashed");
        Line(svg, points, axis, Y, p => p.Low, "low dashed");
        Line(svg, points, axis, Y, p => p.High, "high dashed");
        if (boosted)
        {
            Line(svg, points, axis, Y, p => p.Min + p.Boost, "min");
            Line(svg, points, axis, Y, p => p.Low + p.Boost, "low");
            Line(svg, points, axis, Y, p => p.High + p.Boost, "high");
        }

        Line(svg, points, axis, Y, p => p.FreePages, "free");
        axis.Highlight(svg, input.Highlight, Top, Top + Plot);
        Legend(svg, boosted, Top + Plot + 30);
        svg.Append("</svg>");
        html.Append(svg);
    }

    private static void Line(StringBuilder svg, (double T, ZoneSample Zone)[] points, TimeAxis axis, Func<double, double> y, Func<ZoneSample, long> value, string cls)
    {
        if (points.Length == 0)
        {
            return;
        }

        var d = Svg.StepPath(points.Select(p => (axis.X(p.T), y(value(p.Zone)))).ToArray());
        svg.Append($"<path class=\"line {cls}\" d=\"{d}\"/>");
    }

    private static void Legend(StringBuilder svg, bool boosted, double y)
    {
        var items = new List<(string Cls, string Text)> { ("free", "free pages"), ("min dashed", "min"), ("low dashed", "low"), ("high dashed", "high") };
        if (boosted)
        {
            items.AddRange([("min", "min + boost"), ("low", "low + boost"), ("high", "high + boost")]);
        }
        else
        {
            items.Add(("", "(never boosted)"));
        }

        var x = TimeAxis.Left;
        foreach (var (cls, text) in items)
        {
            if (cls.Length > 0)
            {
                svg.Append($"<path class=\"line {cls}\" d=\"M{Svg.N(x)} {Svg.N(y - 4)} L{Svg.N(x + 22)} {Svg.N(y - 4)}\"/>");
                x += 26;
            }

            svg.Append($"<text class=\"tick\" x=\"{Svg.N(x)}\" y=\"{Svg.N(y)}\">{Svg.Esc(text)}</text>");
            x += 12 + (text.Length * 6.5);
        }
    }
}
