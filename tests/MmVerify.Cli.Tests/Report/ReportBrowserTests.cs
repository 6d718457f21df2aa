using System.Text.RegularExpressions;
using MmVerify.Cli.Report;
using MmVerify.Specs.Gate;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Cli.Tests.Report;

/// <summary>
/// The report rendered by a real browser: no console messages (the page has no script, so any message is
/// the browser complaining about the page, e.g. a malformed SVG attribute), the charts are in the DOM with
/// drawn paths, and the screenshot shows them. The negative tests show each check can fail.
/// </summary>
public sealed partial class ReportBrowserTests
{
    [Fact]
    public void The_report_of_the_seed_001_livelock_renders_in_chromium_without_console_messages_and_draws_its_charts()
    {
        var dir = Artifacts.Directory();
        var html = Path.Combine(dir, "memcg-high-revives-kswapd-linux-6.12.html");
        var cli = CliRun.Run("report", "--scenario", "memcg-high-revives-kswapd", "--variant", "linux-6.12", "--seconds", "14", "--html", html);
        Assert.True(cli.Exit == 0, cli.Err);

        var (dom, console) = Chromium.DumpDom(html);
        Assert.Empty(console);

        // Two nodes: two kswapd lanes; one marker chart; per populated zone a watermark chart and a heatmap.
        Assert.Equal(2, Count(dom, "<svg class=\"chart lane\""));
        Assert.Equal(1, Count(dom, "<svg class=\"chart markers\""));
        Assert.Equal(2, Count(dom, "<svg class=\"chart wmark\""));
        Assert.Equal(2, Count(dom, "<svg class=\"chart heat\""));
        var freeLines = FreeLine().Matches(dom).Select(m => m.Groups[1].Value).ToArray();

        // Each chart's line (a point per second, as steps) besides its two-point legend sample.
        Assert.Equal(2, freeLines.Count(d => d.Split(" L").Length >= 2 * 13));
        Assert.True(Count(dom, "class=\"running\"") > 0, "kswapd0 never drawn running on 6.12, where it is busy all the time");
        Assert.Contains("class=\"violated\"", dom);

        var png = Path.Combine(dir, "memcg-high-revives-kswapd-linux-6.12.png");
        Assert.Empty(Chromium.Screenshot(html, png, 1280, 2400));
        var image = Png.Read(png);
        Assert.Equal((1280, 2400), (image.Width, image.Height));
        Assert.True(image.InkFraction > 0.05, $"screenshot nearly blank: {image.InkFraction:P1} ink");
        Assert.True(image.Contains(0xD62728), "no pixel in the 'running' red of the kswapd lane");
        Assert.True(image.Contains(0x1F5FBF), "no pixel in the free-pages blue");
    }

    [Fact]
    public void A_highlighted_failing_step_is_drawn_as_a_banner_and_a_red_line_in_every_chart()
    {
        var scenario = ScenarioCatalog.BuiltIn.Find("defrag-mode-oom-path")!;
        var run = ScenarioRunner.Run(scenario, "linux-7.2", ScenarioSetup.DefaultSeed, 6);
        var input = ReportInput.From(run, [], new ReportHighlight(4.5, "alloc.terminates", "a slow path <looped> & never reached OOM"));
        var dir = Artifacts.Directory();
        var html = Path.Combine(dir, "highlight.html");
        File.WriteAllText(html, ReportHtml.Render(input));

        var (dom, console) = Chromium.DumpDom(html);
        Assert.Empty(console);
        Assert.Contains("id=\"highlight\"", dom);
        Assert.Contains("a slow path &lt;looped&gt; &amp; never reached OOM", dom);
        var charts = Count(dom, "<svg class=\"chart");
        Assert.True(charts >= 4);
        Assert.Equal(charts, Count(dom, "class=\"highlight\" x1="));

        var png = Path.Combine(dir, "highlight.png");
        Assert.Empty(Chromium.Screenshot(html, png, 1280, 1600));
        Assert.True(Png.Read(png).Contains(0xE00000), "no pixel in the highlight red");
    }

    [Fact]
    public void The_console_check_catches_a_malformed_svg_attribute()
    {
        var html = Path.Combine(Artifacts.Directory(), "malformed.html");
        File.WriteAllText(html, "<!DOCTYPE html><html><body><svg width=\"100\" height=\"50\"><path d=\"M0 0 L1x 5\"/></svg></body></html>");
        var (_, console) = Chromium.DumpDom(html);
        Assert.Contains(console, l => l.Contains("attribute d", StringComparison.Ordinal));
    }

    [Fact]
    public void The_ink_check_sees_a_blank_page_as_blank()
    {
        var dir = Artifacts.Directory();
        var html = Path.Combine(dir, "blank.html");
        File.WriteAllText(html, "<!DOCTYPE html><html><body style=\"background:#fff\"></body></html>");
        var png = Path.Combine(dir, "blank.png");
        Chromium.Screenshot(html, png, 400, 300);
        Assert.Equal(0, Png.Read(png).InkFraction);
    }

    private static int Count(string text, string what) => Regex.Matches(text, Regex.Escape(what)).Count;

    [GeneratedRegex("<path class=\"line free\" d=\"([^\"]*)\"")]
    private static partial Regex FreeLine();
}
