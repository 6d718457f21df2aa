using System.Globalization;
using System.Text;
using MmVerify.Engine.Explore;
using MmVerify.Engine.Properties;
using MmVerify.Specs.Explore;
using MmVerify.Specs.Gate;

namespace MmVerify.Cli.Explore;

/// <summary>The text report of a search: figures, then each verdict with its counterexample.</summary>
internal static class ExploreText
{
    public static string Name(Verdict v) => v switch
    {
        Verdict.Holds => "holds",
        Verdict.Violated => "violated",
        _ => "unknown",
    };

    public static string Report(string scenario, IExploreWorld world, ExploreOutcome o, IReadOnlyList<(ExploreResult Result, Expectation? Expected)> judged, IReadOnlyDictionary<string, string> files)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"explore {scenario} on {world.Policy.Name}: {(o.Complete ? "complete" : "INCOMPLETE (--max-states reached)")}, {o.States} states, {o.Transitions} transitions, depth {o.Depth}\n");
        sb.Append(inv, $"  {o.Elapsed.TotalSeconds:F3} s, {o.StatesPerSecond:F0} states/s, {o.TransitionsPerSecond:F0} transitions/s, {o.BytesPerState:F1} bytes/state (exact states, no fingerprints)\n");
        foreach (var (r, e) in judged)
        {
            var expected = e is null ? "no expectation" : $"expected {Name(e.Verdict)}";
            sb.Append(inv, $"{r.Property}: {Name(r.Verdict)} ({expected})\n");
            if (r.Counterexample is { } t)
            {
                sb.Append(Trace(world, t));
            }

            if (files.TryGetValue(r.Property, out var f))
            {
                sb.Append(inv, $"  written to {f}\n");
            }
        }

        return sb.ToString();
    }

    public static string Trace(IExploreWorld world, ExploreTrace t)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < t.States.Count; i++)
        {
            var mark = t.IsLasso && i == t.LoopStart ? "  cycle starts here:\n" : "";
            sb.Append(mark);
            var action = i == 0 ? "initial" : world.ActionName(t.Actions[i - 1]);
            sb.Append(CultureInfo.InvariantCulture, $"  {i,4}  {action,-26} {world.Describe(t.States[i])}\n");
        }

        if (t.IsLasso)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  (back to state {t.LoopStart}: the cycle repeats forever)\n");
        }

        return sb.ToString();
    }
}
