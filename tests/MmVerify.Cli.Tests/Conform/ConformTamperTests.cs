using System.Text.Json;

namespace MmVerify.Cli.Tests.Conform;

/// <summary>
/// Deliberately tampered traces must be rejected, each at the tampered line and by the rule it breaks;
/// the untampered story must conform (so every rejection below is the tamper's doing).
/// </summary>
public sealed class ConformTamperTests
{
    [Fact]
    public void The_untampered_story_conforms_on_linux_7_2_with_every_rule_exercised()
    {
        var json = Conform(SyntheticTrace.Lines(), "linux-7.2", out var exit);
        Assert.Equal(0, exit);
        Assert.True(json.GetProperty("conforms").GetBoolean());
        foreach (var rule in new[] { "kswapd.failures-increment", "kswapd.failure-in-run", "kswapd.hopeless", "kswapd.reset-reason", "kswapd.reset-needs-progress", "kswapd.wake-sleep", "kswapd.own-thread" })
        {
            var check = json.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("rule").GetString() == rule);
            Assert.True(check.GetProperty("checked").GetBoolean(), rule);
            Assert.True(check.GetProperty("events").GetInt32() > 0, rule);
        }
    }

    [Fact]
    public void Failures_jumping_from_3_to_5_break_failures_increment()
    {
        var lines = SyntheticTrace.Lines();
        var line = SyntheticTrace.Find(lines, "failures=4");
        lines[line - 1] = lines[line - 1].Replace("failures=4", "failures=5", StringComparison.Ordinal);
        AssertViolation(lines, "linux-7.2", line, "kswapd.failures-increment", "3 -> 5");
    }

    [Fact]
    public void A_wakeup_while_hopeless_breaks_the_hopeless_rule()
    {
        var lines = SyntheticTrace.Lines();
        var clear = SyntheticTrace.Find(lines, "reason=DIRECT");
        lines.RemoveAt(clear - 1);
        // The next wakeup_kswapd (from the allocator) is the first event a hopeless node cannot show.
        var wakeup = SyntheticTrace.Find(lines, "mm_vmscan_wakeup_kswapd", clear - 1);
        AssertViolation(lines, "linux-7.2", wakeup, "kswapd.hopeless", "failures=16");
    }

    [Fact]
    public void A_kswapd_wake_while_hopeless_breaks_the_hopeless_rule()
    {
        var lines = SyntheticTrace.Lines();
        var sleep = SyntheticTrace.Find(lines, "mm_vmscan_kswapd_sleep");
        lines.Insert(sleep, lines[sleep - 1].Replace("mm_vmscan_kswapd_sleep: nid=0", "mm_vmscan_kswapd_wake: nid=0 order=0", StringComparison.Ordinal));
        AssertViolation(lines, "linux-7.2", sleep + 1, "kswapd.hopeless", "kswapd woke");
    }

    [Fact]
    public void A_reset_reason_linux_7_2_lacks_is_rejected()
    {
        var lines = SyntheticTrace.Lines();
        var clear = SyntheticTrace.Find(lines, "reason=DIRECT");
        lines[clear - 1] = lines[clear - 1].Replace("reason=DIRECT", "reason=PROGRESS", StringComparison.Ordinal);
        AssertViolation(lines, "linux-7.2", clear, "kswapd.reset-reason", "reason=PROGRESS");
    }

    [Fact]
    public void A_KSWAPD_reset_from_a_task_that_is_not_kswapd_is_rejected_on_linux_7_2()
    {
        var lines = SyntheticTrace.Lines();
        var clear = SyntheticTrace.Find(lines, "reason=DIRECT");
        lines[clear - 1] = lines[clear - 1].Replace("reason=DIRECT", "reason=KSWAPD", StringComparison.Ordinal);
        AssertViolation(lines, "linux-7.2", clear, "kswapd.reset-reason", "not kswapd");
    }

    [Fact]
    public void A_PCP_reset_is_accepted_on_linux_7_2_and_rejected_on_linux_6_12()
    {
        var lines = SyntheticTrace.Lines();
        var clear = SyntheticTrace.Find(lines, "reason=DIRECT");
        lines[clear - 1] = lines[clear - 1].Replace("reason=DIRECT", "reason=PCP", StringComparison.Ordinal);
        Conform(lines, "linux-7.2", out var exit);
        Assert.Equal(0, exit);
        AssertViolation(lines, "linux-6.12", clear, "kswapd.reset-reason", "reason=PCP");
    }

    [Fact]
    public void A_KSWAPD_reset_in_a_run_that_reclaimed_nothing_breaks_reset_needs_progress()
    {
        var lines = SyntheticTrace.Lines();
        var end = SyntheticTrace.Find(lines, "nr_reclaimed=64");
        lines[end - 1] = lines[end - 1].Replace("nr_reclaimed=64", "nr_reclaimed=0", StringComparison.Ordinal);
        AssertViolation(lines, "linux-7.2", end, "kswapd.reset-needs-progress", "nr_reclaimed=0");
    }

    [Fact]
    public void A_failure_in_a_run_that_reclaimed_pages_breaks_failure_in_run()
    {
        var lines = SyntheticTrace.Lines();
        var end = SyntheticTrace.Find(lines, "nr_reclaimed=0");
        lines[end - 1] = lines[end - 1].Replace("nr_reclaimed=0", "nr_reclaimed=7", StringComparison.Ordinal);
        AssertViolation(lines, "linux-7.2", end, "kswapd.failure-in-run", "nr_reclaimed=7");
    }

    [Fact]
    public void A_double_wake_breaks_wake_sleep()
    {
        var lines = SyntheticTrace.Lines();
        var wake = SyntheticTrace.Find(lines, "mm_vmscan_kswapd_wake", 10);
        lines.Insert(wake, lines[wake - 1]);
        AssertViolation(lines, "linux-7.2", wake + 1, "kswapd.wake-sleep", "kswapd_wake again");
    }

    [Fact]
    public void A_double_sleep_breaks_wake_sleep()
    {
        var lines = SyntheticTrace.Lines();
        var sleep = SyntheticTrace.Find(lines, "mm_vmscan_kswapd_sleep");
        lines.Insert(sleep, lines[sleep - 1]);
        AssertViolation(lines, "linux-7.2", sleep + 1, "kswapd.wake-sleep", "already asleep");
    }

    [Fact]
    public void Another_nodes_kswapd_emitting_the_event_breaks_own_thread()
    {
        var lines = SyntheticTrace.Lines();
        var wake = SyntheticTrace.Find(lines, "mm_vmscan_kswapd_wake");
        lines[wake - 1] = lines[wake - 1].Replace("kswapd0-70", "kswapd1-71", StringComparison.Ordinal);
        AssertViolation(lines, "linux-7.2", wake, "kswapd.own-thread", "not kswapd0");
    }

    [Fact]
    public void The_text_report_names_the_line_the_rule_and_the_nodes_earlier_events()
    {
        var lines = SyntheticTrace.Lines();
        var line = SyntheticTrace.Find(lines, "failures=4");
        lines[line - 1] = lines[line - 1].Replace("failures=4", "failures=5", StringComparison.Ordinal);
        using var file = TestFiles.Write(SyntheticTrace.Text(lines));
        var r = CliRun.Run("conform", "--trace", file.Path);
        Assert.Equal(1, r.Exit);
        Assert.Contains($"verdict: does not conform: line {line} breaks kswapd.failures-increment", r.Out, StringComparison.Ordinal);
        Assert.Contains("earlier events of this node:", r.Out, StringComparison.Ordinal);
        Assert.Contains($"{line - 1,7}: kswapd0-70", r.Out, StringComparison.Ordinal);
        Assert.Equal("", r.Err);
    }

    private static void AssertViolation(List<string> lines, string variant, int line, string rule, string explanationPart)
    {
        var json = Conform(lines, variant, out var exit);
        Assert.Equal(1, exit);
        Assert.False(json.GetProperty("conforms").GetBoolean());
        var v = json.GetProperty("first_violation");
        Assert.Equal(rule, v.GetProperty("rule").GetString());
        Assert.Equal(line, v.GetProperty("line").GetInt32());
        Assert.Contains(explanationPart, v.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Equal(lines[line - 1].Trim(), v.GetProperty("event").GetString());
        var context = v.GetProperty("context").EnumerateArray().Select(c => c.GetProperty("line").GetInt32()).ToArray();
        Assert.NotEmpty(context);
        Assert.All(context, l => Assert.True(l < line));
    }

    private static JsonElement Conform(List<string> lines, string variant, out int exit)
    {
        using var file = TestFiles.Write(SyntheticTrace.Text(lines));
        var r = CliRun.Run("conform", "--trace", file.Path, "--variant", variant, "--format", "json");
        Assert.True(r.Exit is 0 or 1, r.Err);
        exit = r.Exit;
        return JsonDocument.Parse(r.Out).RootElement.Clone();
    }
}
