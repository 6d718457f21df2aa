using System.Text;

namespace MmVerify.Cli.Report;

/// <summary>The shared horizontal axis: simulated seconds 0..Seconds onto the plot's pixel columns.</summary>
internal sealed class TimeAxis(double seconds)
{
    public const double Left = 150;
    public const double Width = 1000;
    public const double Right = 60;

    public double Seconds { get; } = Math.Max(seconds, 1e-9);

    public static double TotalWidth => Left + Width + Right;

    public double X(double t) => Left + Math.Clamp(t / Seconds, 0, 1) * Width;

    /// <summary>The pixel column (0..Width-1) a time falls in, for binning events.</summary>
    public int Column(double t, int columns) => Math.Clamp((int)(t / Seconds * columns), 0, columns - 1);

    /// <summary>Tick positions every 1, 2 or 5 x 10^k seconds, at most about 12 of them.</summary>
    public IEnumerable<double> Ticks()
    {
        var step = 1.0;
        foreach (var s in new[] { 1.0, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 18000, 36000, 86400 })
        {
            step = s;
            if (Seconds / s <= 12)
            {
                break;
            }
        }

        for (var t = 0.0; t <= Seconds + 1e-9; t += step)
        {
            yield return t;
        }
    }

    /// <summary>Vertical grid lines and second labels under a plot spanning top..bottom.</summary>
    public void Draw(StringBuilder svg, double top, double bottom, bool labels)
    {
        foreach (var t in Ticks())
        {
            var x = Svg.N(X(t));
            svg.Append($"<line class=\"grid\" x1=\"{x}\" y1=\"{Svg.N(top)}\" x2=\"{x}\" y2=\"{Svg.N(bottom)}\"/>");
            if (labels)
            {
                svg.Append($"<text class=\"tick\" x=\"{x}\" y=\"{Svg.N(bottom + 14)}\" text-anchor=\"middle\">{Svg.N(t)} s</text>");
            }
        }
    }

    /// <summary>The highlight's red line through a plot, when there is one.</summary>
    public void Highlight(StringBuilder svg, ReportHighlight? highlight, double top, double bottom)
    {
        if (highlight is null)
        {
            return;
        }

        var x = Svg.N(X(highlight.TimeSeconds));
        svg.Append($"<line class=\"highlight\" x1=\"{x}\" y1=\"{Svg.N(top)}\" x2=\"{x}\" y2=\"{Svg.N(bottom)}\"><title>{Svg.Esc(highlight.PropertyId)} at {Svg.N(highlight.TimeSeconds)} s</title></line>");
    }
}
