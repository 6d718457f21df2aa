namespace MmVerify.Cli.Tests.Report;

/// <summary>report without a browser: byte-determinism, self-containment, every scenario, bad input.</summary>
public class ReportCommandTests
{
    [Fact]
    public void The_same_run_writes_the_same_bytes_and_the_page_loads_nothing_from_outside()
    {
        var dir = Directory.CreateTempSubdirectory("mmverify-report-");
        try
        {
            var a = Path.Combine(dir.FullName, "a.html");
            var b = Path.Combine(dir.FullName, "b.html");
            string[] args = ["report", "--scenario", "defrag-mode-oom-path", "--variant", "linux-7.2+defrag-mode", "--seconds", "5", "--html"];
            var r = CliRun.Run([.. args, a]);
            Assert.True(r.Exit == 0, r.Err);
            Assert.Equal($"wrote {a} ({new FileInfo(a).Length} bytes)\n", r.Out);
            Assert.Equal(0, CliRun.Run([.. args, b]).Exit);
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));

            var html = File.ReadAllText(a);
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            foreach (var outside in new[] { "<script", "src=", "href=", "url(", "@import", "<link", "<iframe", "<img" })
            {
                Assert.DoesNotContain(outside, html, StringComparison.OrdinalIgnoreCase);
            }

            // The only URL is the SVG namespace name, which is an identifier and is never fetched.
            Assert.Equal(html.Split("http").Length - 1, html.Split("http://www.w3.org/2000/svg").Length - 1);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Every_built_in_scenario_reports_on_its_last_variant()
    {
        var dir = Directory.CreateTempSubdirectory("mmverify-report-");
        try
        {
            foreach (var scenario in Specs.Scenarios.ScenarioCatalog.BuiltIn.LoadAll())
            {
                var file = Path.Combine(dir.FullName, scenario.Id + ".html");
                var r = CliRun.Run("report", "--scenario", scenario.Id, "--variant", scenario.Variants[^1], "--seconds", "2", "--html", file);
                Assert.True(r.Exit == 0, $"{scenario.Id}: {r.Err}");
                var html = File.ReadAllText(file);
                Assert.Contains("<svg class=\"chart lane\"", html);
                Assert.Contains("<svg class=\"chart wmark\"", html);
                Assert.Contains("<svg class=\"chart heat\"", html);
                Assert.Contains("<table id=\"verdicts\">", html);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("--counterexample|no-such-cx.json|--html|out.html", "no such file")]
    [InlineData("--counterexample|cx.json|--seconds|5|--html|out.html", "not both")]
    [InlineData("--counterexample|cx.json|--scenario|defrag-mode-oom-path|--html|out.html", "not both")]
    [InlineData("--scenario|defrag-mode-oom-path|--html|out.html", "give --variant V")]
    [InlineData("--scenario|defrag-mode-oom-path|--variant|nope|--html|out.html", "--variant: unknown variant part 'nope'")]
    [InlineData("--scenario|nope|--variant|linux-7.2|--html|out.html", "unknown scenario 'nope'")]
    [InlineData("--variant|linux-7.2|--html|out.html", "give --scenario ID or --scenario-file FILE")]
    [InlineData("--scenario|defrag-mode-oom-path|--variant|linux-7.2", "--html")]
    [InlineData("--scenario|defrag-mode-oom-path|--variant|linux-7.2|--seconds|-1|--html|out.html", "--seconds: -1 is out of range")]
    [InlineData("--scenario|defrag-mode-oom-path|--variant|linux-7.2|--seconds|1|--html|/nonexistent-dir/out.html", "/nonexistent-dir/out.html")]
    public void Bad_input_is_one_line_and_exit_2(string args, string message)
    {
        var r = CliRun.Run(["report", .. args.Split('|')]);

        Assert.Equal(ExitCodes.BadInput, r.Exit);
        Assert.Equal("", r.Out);
        var line = Assert.Single(r.ErrLines);
        Assert.StartsWith("mmverify: ", line);
        Assert.Contains(message, line);
        Assert.DoesNotContain("   at ", r.Err);
    }
}
