using System.Text.Json;

namespace MmVerify.Cli.Tests.Conform;

/// <summary>
/// Real traces from Debian's 6.12.107 and 6.1.192 under QEMU (ci/oracle/capture-trace.sh;
/// Fixtures/oracle-traces/VERSION-WORKLOAD/). They must conform to linux-6.12, with the checks those
/// kernels' tracepoints allow; a tampered copy of a real trace must not.
/// </summary>
public sealed class OracleTraceTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "oracle-traces");

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var name in CaptureNames())
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>The capture folders, in ordinal order.</summary>
    public static IEnumerable<string> CaptureNames() =>
        Directory.GetDirectories(Root).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal);

    [Fact]
    public void Every_kernel_and_workload_was_captured()
    {
        var names = Directory.GetDirectories(Root).Select(Path.GetFileName).ToHashSet();
        foreach (var kernel in new[] { "6.12.107", "6.1.192" })
        {
            foreach (var workload in new[] { "oom-noswap", "zram-swap", "memcg-high" })
            {
                Assert.Contains($"{kernel}-{workload}", names);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void A_real_trace_conforms_to_linux_6_12(string capture)
    {
        var json = Conform(capture, out var exit);
        Assert.Equal(0, exit);
        Assert.True(json.GetProperty("conforms").GetBoolean());
        Assert.Equal(0, json.GetProperty("skipped_lines").GetInt32());
        Assert.True(json.GetProperty("events").GetInt32() > 0);
        // Neither kernel has the 7.x failure-counter tracepoints: the report must say those rules went unchecked.
        Assert.DoesNotContain("mm_vmscan_kswapd_reclaim_fail", File.ReadAllText(Path.Combine(Root, capture, "trace")), StringComparison.Ordinal);
        Assert.False(Check(json, "kswapd.failures-increment").GetProperty("checked").GetBoolean());
        Assert.False(Check(json, "kswapd.hopeless").GetProperty("checked").GetBoolean());
    }

    [Theory]
    [InlineData("6.12.107-zram-swap")]
    [InlineData("6.12.107-oom-noswap")]
    [InlineData("6.1.192-zram-swap")]
    [InlineData("6.1.192-oom-noswap")]
    public void Real_kswapd_wakes_and_sleeps_are_judged(string capture)
    {
        var json = Conform(capture, out _);
        Assert.Equal([0], json.GetProperty("nodes").EnumerateArray().Select(n => n.GetInt32()));
        Assert.True(Check(json, "kswapd.wake-sleep").GetProperty("events").GetInt32() > 0);
        Assert.True(Check(json, "kswapd.own-thread").GetProperty("events").GetInt32() > 0);
    }

    [Fact]
    public void A_real_trace_with_a_kswapd_sleep_repeated_does_not_conform()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "6.12.107-zram-swap", "trace")).ToList();
        var sleep = lines.FindIndex(l => l.Contains("mm_vmscan_kswapd_sleep", StringComparison.Ordinal));
        Assert.True(sleep > 0);
        lines.Insert(sleep + 1, lines[sleep]);
        using var file = TestFiles.Write(string.Join('\n', lines) + "\n");
        var r = CliRun.Run("conform", "--trace", file.Path, "--variant", "linux-6.12", "--format", "json");
        Assert.Equal(1, r.Exit);
        var v = JsonDocument.Parse(r.Out).RootElement.GetProperty("first_violation");
        Assert.Equal("kswapd.wake-sleep", v.GetProperty("rule").GetString());
        Assert.Equal(sleep + 2, v.GetProperty("line").GetInt32());
    }

    private static JsonElement Check(JsonElement json, string rule) =>
        json.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("rule").GetString() == rule);

    private static JsonElement Conform(string capture, out int exit)
    {
        var r = CliRun.Run("conform", "--trace", Path.Combine(Root, capture, "trace"), "--variant", "linux-6.12", "--format", "json");
        Assert.True(r.Exit is 0 or 1, r.Err);
        exit = r.Exit;
        return JsonDocument.Parse(r.Out).RootElement.Clone();
    }
}
