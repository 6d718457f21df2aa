using System.Text.RegularExpressions;
using MmVerify.Specs;
using MmVerify.Specs.Counterexamples;
using MmVerify.Specs.Gate;
using MmVerify.Specs.Pbt;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Cli.Tests.Report;

/// <summary>
/// report --counterexample: the file is replayed as `replay` does, its failing time is the red line, its
/// recorded reason the banner; a file the model no longer reproduces says so and exits 1, as replay does.
/// </summary>
public sealed class ReportCounterexampleTests
{
    private const string Property = "kswapd.reset-when-balanced";

    [Fact]
    public void A_seed_001_counterexample_is_replayed_and_its_failing_step_highlighted_in_the_browser()
    {
        var dir = Artifacts.Directory();
        var (file, c) = Write(dir, "cx-seed-001.json", reason: null);
        var html = Path.Combine(dir, "cx-seed-001.html");

        var r = CliRun.Run("report", "--counterexample", file, "--html", html);

        Assert.True(r.Exit == 0, r.Err + r.Out);
        var text = File.ReadAllText(html);
        Assert.Contains($"<b>{Property}</b> violated at t = {Math.Round(c.FailingTimeSeconds, 1).ToString(System.Globalization.CultureInfo.InvariantCulture)} s", text);
        Assert.Contains($"{c.Reason} (failing step {c.FailingStep}; the replay reproduces it)", text);
        Assert.Contains("counterexample cx-seed-001.json: sim engine", text);
        var charts = Regex.Matches(text, "<svg class=\"chart").Count;
        Assert.Equal(charts, Regex.Matches(text, "class=\"highlight\" x1=").Count);

        var (_, console) = Chromium.DumpDom(html);
        Assert.Empty(console);
        var png = Path.Combine(dir, "cx-seed-001.png");
        Assert.Empty(Chromium.Screenshot(html, png, 1280, 1400));
        Assert.True(Png.Read(png).Contains(0xE00000), "no pixel in the highlight red");
    }

    [Fact]
    public void A_counterexample_the_model_no_longer_reproduces_is_drawn_with_a_warning_and_exits_1()
    {
        var dir = Directory.CreateTempSubdirectory("mmverify-cx-");
        try
        {
            var (file, _) = Write(dir.FullName, "stale.json", reason: "a reason the model never gives");
            var html = Path.Combine(dir.FullName, "stale.html");

            var r = CliRun.Run("report", "--counterexample", file, "--html", html);

            Assert.Equal(ExitCodes.Failed, r.Exit);
            Assert.Contains("no longer reproduces", r.Out);
            Assert.Contains("the replay does NOT reproduce it: violated for another reason", File.ReadAllText(html));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_counterexample_written_by_check_engine_pbt_is_drawn_from_its_small_form()
    {
        var dir = Directory.CreateTempSubdirectory("mmverify-cx-");
        try
        {
            var check = CliRun.Run("check", "--engine", "pbt", "--scenario", "memcg-high-revives-kswapd", "--variant", "linux-6.12", "--property", Property, "--out", dir.FullName);
            // 1 while no expectation is recorded for the small form (the violation is unexpected), 0 once it is.
            Assert.True(check.Exit is ExitCodes.Ok or ExitCodes.Failed, check.Err);
            var file = Assert.Single(Directory.GetFiles(dir.FullName, "*.pbt.json"));
            var html = Path.Combine(dir.FullName, "pbt.html");

            var r = CliRun.Run("report", "--counterexample", file, "--html", html);

            Assert.True(r.Exit == 0, r.Err + r.Out);
            var text = File.ReadAllText(html);
            Assert.Contains($"<b>{Property}</b> violated at t = ", text);
            Assert.Contains(": pbt engine, model ", text);
            Assert.Contains("the replay reproduces it", text);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("{}", "$.schema")]
    [InlineData("not json", "not JSON")]
    public void A_bad_counterexample_file_is_one_line_and_exit_2(string content, string message)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, content);
            var r = CliRun.Run("report", "--counterexample", file, "--html", file + ".html");

            Assert.Equal(ExitCodes.BadInput, r.Exit);
            var line = Assert.Single(r.ErrLines);
            Assert.Contains(message, line);
            Assert.False(File.Exists(file + ".html"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A 12 s sim counterexample of seed 001 on 6.12, as check writes one (optionally with a tampered reason).</summary>
    private static (string File, Counterexample C) Write(string dir, string name, string? reason)
    {
        var scenario = ScenarioCatalog.BuiltIn.Find("memcg-high-revives-kswapd")!;
        const double seconds = 12;
        var run = ScenarioRunner.Run(scenario, "linux-6.12", ScenarioSetup.DefaultSeed, seconds);
        var result = SimGate.Judge(scenario, PropertyCatalog.Find(Property)!, run);
        Assert.Equal(Engine.Properties.Verdict.Violated, result.Verdict);
        var c = new Counterexample
        {
            ModelVersion = Model.ModelVersion.Current,
            Engine = SimGate.Engine,
            Variant = "linux-6.12",
            Property = Property,
            Case = new WorkloadCase(scenario, ScenarioSetup.DefaultSeed),
            RunSeconds = seconds,
            FailingStep = ScenarioRunner.StepsUntil(scenario, "linux-6.12", ScenarioSetup.DefaultSeed, seconds, result.At!.Value),
            FailingTimeSeconds = result.At!.Value,
            Reason = reason ?? result.Reason,
        };
        var file = Path.Combine(dir, name);
        File.WriteAllText(file, CounterexampleWriter.Write(c));
        return (file, c);
    }
}
