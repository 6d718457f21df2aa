using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using MmVerify.Model.Sim;

namespace MmVerify.Model.Tests.Support;

/// <summary>
/// A litmus run's reference: one line every 100 simulated ms with a digest of the trace events of that
/// window and the state a reviewer reads (free pages and boost per zone, kswapd_failures and phase per
/// node, the vmstat counters). The run is compared line by line while it runs, so a mutant that changes
/// behaviour fails at its first divergent window instead of after the whole run.
/// Regenerate after a deliberate model change: MMVERIFY_UPDATE_REFERENCE=1 dotnet test --filter Litmus,
/// then review the diff of Litmus/reference/.
/// </summary>
internal sealed class ReferenceTrace
{
    public const long WindowNs = 100_000_000;

    private readonly string _name;
    private readonly string[]? _expected;
    private readonly List<string> _lines = [];
    private readonly long[]? _expectedSteps;
    private int _eventsSeen;
    private long _steps;
    private long _nextNs = WindowNs;

    private ReferenceTrace(string name, string[]? expected)
    {
        _name = name;
        _expected = expected;
        _expectedSteps = expected?.Select(StepsOf).ToArray();
    }

    private static long StepsOf(string line) =>
        long.Parse(line.Split(' ').Single(f => f.StartsWith("steps=", StringComparison.Ordinal))["steps=".Length..], CultureInfo.InvariantCulture);

    public static bool Updating => Environment.GetEnvironmentVariable("MMVERIFY_UPDATE_REFERENCE") == "1";

    public static ReferenceTrace For(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Litmus", "reference", name + ".txt");
        if (Updating)
        {
            return new ReferenceTrace(name, null);
        }

        Assert.True(File.Exists(path), $"no reference for {name}: run with MMVERIFY_UPDATE_REFERENCE=1");
        return new ReferenceTrace(name, File.ReadAllLines(path).Where(l => !l.StartsWith('#')).ToArray());
    }

    /// <summary>
    /// Called after every simulation step; emits and checks every window the clock has passed. A run that
    /// takes more steps than the reference's current window fails at once: the window's line holds the step
    /// count, so it cannot match, and a model stuck in simulated time would otherwise never reach it.
    /// </summary>
    public void Observe(World world, IReadOnlyList<Model.Trace.TraceEvent> events, long steps)
    {
        _steps = steps;
        while (world.NowNs >= _nextNs)
        {
            Emit(world, events, _nextNs);
            _nextNs += WindowNs;
        }

        if (_expectedSteps is not null && _lines.Count < _expectedSteps.Length && steps > _expectedSteps[_lines.Count])
        {
            Assert.Fail($"{_name}: window {_lines.Count} takes more than the reference's {_expectedSteps[_lines.Count]} steps");
        }
    }

    /// <summary>The last partial window, then (when updating) the file.</summary>
    public void Finish(World world, IReadOnlyList<Model.Trace.TraceEvent> events, long steps)
    {
        _steps = steps;
        Emit(world, events, world.NowNs);
        if (_expected is null)
        {
            var dir = Path.Combine(SourceDirectory(), "..", "Litmus", "reference");
            var header = $"# reference of litmus run {_name}; regenerate with MMVERIFY_UPDATE_REFERENCE=1 (see ReferenceTrace)";
            File.WriteAllLines(Path.Combine(dir, _name + ".txt"), [header, .. _lines]);
            return;
        }

        Assert.Equal(_expected.Length, _lines.Count);
    }

    // The directory of this file in the source tree: updates are written there, not next to the binaries.
    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private void Emit(World world, IReadOnlyList<Model.Trace.TraceEvent> events, long atNs)
    {
        var digest = new StringBuilder();
        for (; _eventsSeen < events.Count; _eventsSeen++)
        {
            digest.Append(events[_eventsSeen].ToString()).Append('\n');
        }

        var hash = Hash(digest.ToString());
        var zones = world.Machine.Zones.ToArray();
        var line = string.Create(CultureInfo.InvariantCulture,
            $"t={atNs / 1e9:F1} steps={_steps} events={_eventsSeen} trace={hash} proc={Hash(ProcView.Of(world))} " +
            $"free=[{string.Join(',', zones.Select(z => z.NrFreePages))}] " +
            $"boost=[{string.Join(',', zones.Select(z => z.WatermarkBoost))}] " +
            $"failures=[{string.Join(',', world.Reclaim.Select(r => r.KswapdFailures))}] " +
            $"kswapd=[{string.Join(',', world.Reclaim.Select(r => r.Phase))}] " +
            $"vm={string.Join(',', world.Vm.All().Where(kv => kv.Value != 0).Select(kv => $"{kv.Key}:{kv.Value}"))}");
        var index = _lines.Count;
        _lines.Add(line);
        if (_expected is not null)
        {
            Assert.True(index < _expected.Length, $"{_name}: the run went past the reference's {_expected.Length} windows");
            if (_expected[index] != line)
            {
                Assert.Fail($"{_name}: diverges from the reference at window {index}\n  expected {_expected[index]}\n  actual   {line}");
            }
        }
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12].ToLowerInvariant();
}
