using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MmVerify.Cli.Simulate;
using MmVerify.Model.Sim;
using MmVerify.ProcFs.Trace;
using MmVerify.Specs.Scenarios;

namespace MmVerify.Cli.Tests;

/// <summary>mmverify simulate on the tiny test scenario: the monitor, the JSON samples, the trace, and determinism.</summary>
public class SimulateCommandTests
{
    private const string Label = "Node 0, zone   Normal";

    private static readonly string[] SampleKeys =
    [
        "t", "free_pages", "available_pages", "buddyinfo", "kswapd_busy", "pgscan_kswapd", "pgsteal_kswapd",
        "kswapd_failures", "watermark_boost", "min_free_kbytes",
    ];

    private static CliResult Simulate(params string[] extra) =>
        CliRun.Run(["simulate", "--scenario-file", TestScenarios.Tiny, "--variant", "linux-7.2", .. extra]);

    /// <summary>The same run straight through the model, to compare the printed numbers with.</summary>
    private static Simulation Direct(double seconds = 3)
    {
        var simulation = new Simulation(ScenarioSetup.Build(ScenarioLoader.Load(TestScenarios.Tiny), "linux-7.2", ScenarioSetup.DefaultSeed, seconds));
        simulation.RunSeconds(seconds);
        return simulation;
    }

    [Fact]
    public void Text_is_a_header_one_monitor_line_per_second_and_the_non_zero_counters()
    {
        var r = Simulate();

        Assert.Equal(ExitCodes.Ok, r.Exit);
        Assert.Equal("", r.Err);
        var lines = r.OutLines;
        Assert.Equal("# tiny-file-faults on linux-7.2, seed 1, 3 s; ord0/ord3: Node 0, zone   Normal", lines[0]);

        var direct = Direct();
        for (var i = 0; i < 3; i++)
        {
            var s = direct.Samples[i];
            var orders = s.Buddyinfo[Label];
            var busy = (s.KswapdBusy[0] * 100).ToString("0.0", CultureInfo.InvariantCulture);
            Assert.Equal(
                $"t=  {i + 1}s ord0={orders[0]} ord3={orders[3]} Free={s.FreePages / 256}MB Avail={s.AvailablePages / 256}MB kswapd={busy}% pgscan_kswapd={s.PgscanKswapd}",
                lines[1 + i]);
        }

        Assert.Equal($"# at t=3s: min_free_kbytes 512, kswapd_failures {direct.World.Reclaim[0].KswapdFailures}", lines[4]);
        Assert.Equal("# vmstat, non-zero counters", lines[5]);
        var counters = direct.World.Vm.All().Where(c => c.Value != 0).Select(c => $"{c.Key} {c.Value}");
        Assert.Equal(counters, lines[6..]);
        Assert.Contains("pgalloc_normal 12000", lines);
    }

    [Fact]
    public void The_tiny_scenario_makes_kswapd_reclaim()
    {
        var direct = Direct();

        Assert.True(direct.World.Vm[VmEvent.PgscanKswapd] > 0);
        Assert.True(direct.Samples[^1].KswapdBusy[0] > 0);
    }

    [Fact]
    public void Json_is_exactly_samples_and_counters_with_the_contract_fields()
    {
        var r = Simulate("--format", "json");

        Assert.Equal(ExitCodes.Ok, r.Exit);
        Assert.Single(r.OutLines);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal(["samples", "counters"], root.EnumerateObject().Select(p => p.Name));

        var direct = Direct();
        var samples = root.GetProperty("samples").EnumerateArray().ToArray();
        Assert.Equal(3, samples.Length);
        for (var i = 0; i < samples.Length; i++)
        {
            var json = samples[i];
            var s = direct.Samples[i];
            Assert.Equal(SampleKeys, json.EnumerateObject().Select(p => p.Name));
            Assert.Equal(i + 1, json.GetProperty("t").GetDouble());
            Assert.Equal(s.FreePages, json.GetProperty("free_pages").GetInt64());
            Assert.Equal(s.AvailablePages, json.GetProperty("available_pages").GetInt64());
            var buddy = Assert.Single(json.GetProperty("buddyinfo").EnumerateObject());
            Assert.Equal(Label, buddy.Name);
            var counts = buddy.Value.EnumerateArray().Select(e => e.GetInt64()).ToArray();
            Assert.Equal(s.Buddyinfo[Label], counts);
            Assert.Equal(11, counts.Length);
            Assert.Equal(s.FreePages, counts.Select((c, order) => c << order).Sum());
            Assert.Equal(s.KswapdBusy, json.GetProperty("kswapd_busy").EnumerateArray().Select(e => e.GetDouble()));
            Assert.Equal(s.PgscanKswapd, json.GetProperty("pgscan_kswapd").GetInt64());
            Assert.Equal(s.PgstealKswapd, json.GetProperty("pgsteal_kswapd").GetInt64());
            Assert.Equal(s.KswapdFailures, json.GetProperty("kswapd_failures").EnumerateArray().Select(e => e.GetInt32()));
            var boost = Assert.Single(json.GetProperty("watermark_boost").EnumerateObject());
            Assert.Equal((Label, s.WatermarkBoost[Label]), (boost.Name, boost.Value.GetInt64()));
            Assert.Equal(512, json.GetProperty("min_free_kbytes").GetInt64());
        }

        var counters = root.GetProperty("counters").EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetInt64()));
        Assert.Equal(direct.World.Vm.All(), counters);
        Assert.Equal(samples[^1].GetProperty("pgscan_kswapd").GetInt64(), root.GetProperty("counters").GetProperty("pgscan_kswapd").GetInt64());
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public void The_same_inputs_print_the_same_bytes(string format)
    {
        var first = Simulate("--format", format, "--trace", "--seed", "7");
        var second = Simulate("--format", format, "--trace", "--seed", "7");

        Assert.Equal(ExitCodes.Ok, first.Exit);
        Assert.Equal(first.Out, second.Out);
    }

    [Fact]
    public void Seconds_overrides_the_scenario_s_duration()
    {
        var r = Simulate("--seconds", "2", "--format", "json");

        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(2, doc.RootElement.GetProperty("samples").GetArrayLength());
    }

    [Fact]
    public void A_bare_patch_runs_on_linux_7_2_and_the_header_says_so()
    {
        var r = CliRun.Run("simulate", "--scenario-file", TestScenarios.Tiny, "--variant", "net-frag-nowake", "--seconds", "1");

        Assert.Equal(ExitCodes.Ok, r.Exit);
        Assert.StartsWith("# tiny-file-faults on linux-7.2+net-frag-nowake, seed 1, 1 s;", r.OutLines[0]);
    }

    [Fact]
    public void Json_trace_adds_trace_cmd_lines_that_parse_back()
    {
        var r = Simulate("--format", "json", "--trace");

        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(["samples", "counters", "trace"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        var lines = doc.RootElement.GetProperty("trace").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.NotEmpty(lines);
        var parsed = TraceParser.Parse(string.Join('\n', lines), "trace");
        Assert.Equal(lines.Length, parsed.Count);
        Assert.Contains(parsed, l => l.Event == "mm_vmscan_kswapd_wake" && l.Comm == "kswapd0");
        Assert.Contains(parsed, l => l.Event == "mm_vmscan_wakeup_kswapd" && l.Comm == "reader");
    }

    [Fact]
    public void Text_trace_follows_the_monitor_under_a_header_that_trace_readers_skip()
    {
        var r = Simulate("--trace");

        var lines = r.OutLines;
        var header = Array.FindIndex(lines, l => l.StartsWith("# trace, ", StringComparison.Ordinal));
        Assert.True(header > 4);
        var events = lines[(header + 1)..];
        Assert.Equal($"# trace, {events.Length} events", lines[header]);
        Assert.Equal(events.Length, TraceParser.Parse(string.Join('\n', events), "trace").Count);

        // Everything before the trace is the untraced report.
        Assert.Equal(Simulate().OutLines, lines[..header]);
    }

    [Fact]
    public void A_scenario_id_is_looked_up_in_the_catalog()
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        var command = new RootCommand { SimulateCommand.Create(TestScenarios.Catalog) };

        var exit = command.Parse(["simulate", "--scenario", "tiny-file-faults", "--variant", "linux-7.2"])
            .Invoke(new InvocationConfiguration { Output = stdout, Error = TextWriter.Null });

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(Simulate().Out, stdout.ToString());
    }
}
