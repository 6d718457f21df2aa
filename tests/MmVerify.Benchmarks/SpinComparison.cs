using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using MmVerify.Engine.Explore;

namespace MmVerify.Benchmarks;

/// <summary>
/// Runs specs/promela/kswapd-s3-2nodes.pml (world s3-2nodes-10) under SPIN's exhaustive safety search
/// (<c>spin -a; gcc -O2 -DSAFETY; ./pan -E</c>) for both baselines and sets its figures beside the explorer's on
/// the same world. The state counts must agree: that is the check that the two models are the same.
/// </summary>
internal static partial class SpinComparison
{
    private const string World = "s3-2nodes-10";

    public static void Run(IReadOnlyDictionary<string, ExploreOutcome> measured)
    {
        var inv = CultureInfo.InvariantCulture;
        var model = Path.Combine(AppContext.BaseDirectory, "promela", "kswapd-s3-2nodes.pml");
        if (!Tool("spin", "-V") || !Tool("gcc", "--version"))
        {
            Console.WriteLine("SPIN comparison skipped: spin or gcc not installed (apt-get install -y spin gcc)");
            return;
        }

        Console.WriteLine();
        Console.WriteLine($"SPIN (single core, -DSAFETY exhaustive, full state storage) on {World} vs the explorer (best of 3 each):");
        foreach (var (variant, define) in new[] { ("linux-6.12", ""), ("linux-7.2", "-DV72") })
        {
            var dir = Directory.CreateTempSubdirectory("mmverify-spin-");
            Exec(dir.FullName, "spin", $"{define} -a {model}");
            Exec(dir.FullName, "gcc", "-O2 -DSAFETY -DMEMLIM=8192 -o pan pan.c");
            var runs = Enumerable.Range(0, 3).Select(_ =>
            {
                var clock = Stopwatch.StartNew();
                var output = Exec(dir.FullName, Path.Combine(dir.FullName, "pan"), "-m5000000 -w24 -E");
                return (Output: output, Seconds: clock.Elapsed.TotalSeconds);
            }).MinBy(r => r.Seconds);
            dir.Delete(recursive: true);
            var stored = long.Parse(StoredRe().Match(runs.Output).Groups[1].Value, inv);
            var transitions = long.Parse(TransitionsRe().Match(runs.Output).Groups[1].Value, inv);
            var stateMb = double.Parse(StateMemRe().Match(runs.Output).Groups[1].Value, inv);
            var totalMb = double.Parse(TotalMemRe().Match(runs.Output).Groups[1].Value, inv);
            var one = measured[$"{World}/{variant}/1"];
            var two = measured[$"{World}/{variant}/2"];
            Console.WriteLine(string.Format(inv, "  {0}: SPIN {1} states, {2} transitions in {3:F2} s (wall, pan included): {4:N0} distinct/s, {5:N0} generated/s; {6:F1} bytes/state for states ({7:F1} with stack and table)", variant, stored, transitions, runs.Seconds, stored / runs.Seconds, transitions / runs.Seconds, stateMb * 1048576 / stored, totalMb * 1048576 / stored));
            Console.WriteLine(string.Format(inv, "  {0}: explore {1} states, {2} transitions: 1 thread {3:F2} s ({4:N0} distinct/s, {5:N0} generated/s), 2 threads {6:F2} s ({7:N0} distinct/s, {8:N0} generated/s); {9:F1} bytes/state", variant, one.States, one.Transitions, one.Elapsed.TotalSeconds, one.StatesPerSecond, one.TransitionsPerSecond, two.Elapsed.TotalSeconds, two.StatesPerSecond, two.TransitionsPerSecond, two.BytesPerState));
            Console.WriteLine(string.Format(inv, "  {0}: same state count: {1}; speed ratio explore/SPIN: {2:F2}x (1 thread), {3:F2}x (2 threads)", variant, stored == one.States ? "yes" : $"NO ({stored} vs {one.States})", runs.Seconds / one.Elapsed.TotalSeconds, runs.Seconds / two.Elapsed.TotalSeconds));
        }
    }

    private static bool Tool(string name, string args)
    {
        try
        {
            Exec(Path.GetTempPath(), name, args);
            return true;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return false;
        }
    }

    private static string Exec(string dir, string file, string args)
    {
        var psi = new ProcessStartInfo(file, args) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file}");
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} {args}: exit {p.ExitCode}: {err.Result}{output}");
    }

    [GeneratedRegex(@"(\d+) states, stored")]
    private static partial Regex StoredRe();

    [GeneratedRegex(@"(\d+) transitions \(= stored\+matched\)")]
    private static partial Regex TransitionsRe();

    [GeneratedRegex(@"([\d.]+)\s+equivalent memory usage for states")]
    private static partial Regex StateMemRe();

    [GeneratedRegex(@"([\d.]+)\s+total actual memory usage")]
    private static partial Regex TotalMemRe();
}
