using System.Text.Json;

namespace MmVerify.Cli.Tests.Conform;

/// <summary>Bad input gets one line on stderr and exit 2; unknown events are skipped and counted; lost events reset.</summary>
public sealed class ConformBadInputTests
{
    private const string Wake = "         kswapd0-44      [000] .....     4.247453: mm_vmscan_kswapd_wake: nid=0 order=0";
    private const string Sleep = "         kswapd0-44      [000] .....     4.347453: mm_vmscan_kswapd_sleep: nid=0";

    [Fact]
    public void A_missing_file_is_bad_input()
    {
        var r = CliRun.Run("conform", "--trace", "/nonexistent/trace");
        AssertBadInput(r, "--trace:");
    }

    [Fact]
    public void A_line_that_is_not_an_event_is_bad_input_with_its_number()
    {
        using var file = TestFiles.Write($"# tracer: nop\n{Wake}\nthis is not a trace line\n");
        var r = CliRun.Run("conform", "--trace", file.Path);
        AssertBadInput(r, ":3:");
    }

    [Fact]
    public void A_known_event_with_an_unreadable_field_is_bad_input()
    {
        using var file = TestFiles.Write(Wake.Replace("nid=0", "nid=x", StringComparison.Ordinal) + "\n");
        var r = CliRun.Run("conform", "--trace", file.Path);
        AssertBadInput(r, "line 1: mm_vmscan_kswapd_wake: field nid is 'x'");
    }

    [Fact]
    public void A_file_without_events_is_bad_input()
    {
        using var file = TestFiles.Write("# tracer: nop\n#\n");
        AssertBadInput(CliRun.Run("conform", "--trace", file.Path), "no trace events");
    }

    [Fact]
    public void An_unknown_variant_is_bad_input()
    {
        using var file = TestFiles.Write(Wake + "\n");
        AssertBadInput(CliRun.Run("conform", "--trace", file.Path, "--variant", "linux-9.9+nope"), "--variant:");
    }

    [Fact]
    public void Events_of_other_subsystems_are_skipped_and_counted()
    {
        var sched = "          <idle>-0       [000] d..2.     4.300000: sched_switch: prev_comm=swapper/0 prev_pid=0 prev_prio=120 prev_state=R ==> next_comm=hog next_pid=150 next_prio=120";
        using var file = TestFiles.Write($"{Wake}\n{sched}\n{Sleep}\n");
        var r = CliRun.Run("conform", "--trace", file.Path, "--format", "json");
        Assert.Equal(0, r.Exit);
        var json = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal(1, json.GetProperty("skipped_lines").GetInt32());
        Assert.Equal(2, json.GetProperty("events").GetInt32());
    }

    [Fact]
    public void A_lost_events_marker_makes_the_next_event_unjudgeable_but_not_the_one_after()
    {
        // Two sleeps in a row break wake-sleep, unless events were lost between them.
        using (var file = TestFiles.Write($"{Wake}\n{Sleep}\n{Sleep}\n"))
        {
            Assert.Equal(1, CliRun.Run("conform", "--trace", file.Path).Exit);
        }

        using (var file = TestFiles.Write($"{Wake}\n{Sleep}\nCPU:0 [LOST 12 EVENTS]\n{Sleep}\n{Sleep}\n"))
        {
            var r = CliRun.Run("conform", "--trace", file.Path, "--format", "json");
            Assert.Equal(1, r.Exit);
            var json = JsonDocument.Parse(r.Out).RootElement;
            Assert.Equal(1, json.GetProperty("lost_markers").GetInt32());
            Assert.Equal(5, json.GetProperty("first_violation").GetProperty("line").GetInt32());
        }
    }

    [Fact]
    public void The_output_is_the_same_bytes_every_time()
    {
        using var file = TestFiles.Write($"{Wake}\n{Sleep}\n{Sleep}\n");
        var first = CliRun.Run("conform", "--trace", file.Path, "--format", "json").Out;
        var second = CliRun.Run("conform", "--trace", file.Path, "--format", "json").Out;
        Assert.Equal(first, second);
    }

    private static void AssertBadInput(CliResult r, string part)
    {
        Assert.Equal(2, r.Exit);
        Assert.Equal("", r.Out);
        var line = Assert.Single(r.ErrLines);
        Assert.StartsWith("mmverify: ", line, StringComparison.Ordinal);
        Assert.Contains(part, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
    }
}
