using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MmVerify.ProcFs.Trace;
using MmVerify.Specs.Counterexamples;

namespace MmVerify.Cli.Replay;

/// <summary>replay's three formats. Nothing here depends on the clock, so a replay prints the same bytes every time.</summary>
internal static class ReplayReports
{
    /// <summary>Trace lines shown before the failing step in text form (all of them in trace form).</summary>
    private const int TraceContext = 40;

    public static string Text(string path, Counterexample c, ReplayOutcome outcome, IReadOnlyList<ReplayState> states, ReplayState? failing, IReadOnlyList<string> zoneNames)
    {
        var sb = new StringBuilder();
        Header(sb, path, c);
        foreach (var s in states)
        {
            sb.Append(CultureInfo.InvariantCulture, $"--- t={s.Seconds:F3} s, step {s.Step}").AppendLine();
            s.AppendText(sb);
        }

        var events = outcome.EventsAtFailingStep >= 0 ? outcome.EventsAtFailingStep : outcome.Run.Events.Count;
        var first = Math.Max(0, events - TraceContext);
        sb.Append(CultureInfo.InvariantCulture, $"--- the last {events - first} trace lines up to step {c.FailingStep}").AppendLine();
        for (var i = first; i < events; i++)
        {
            sb.AppendLine(TraceRenderer.Line(outcome.Run.Events[i], 0, zoneNames));
        }

        Marker(sb, c);
        failing?.AppendText(sb);
        Verdict(sb, outcome);
        return sb.ToString();
    }

    public static string Trace(Counterexample c, ReplayOutcome outcome, IReadOnlyList<string> zoneNames)
    {
        var sb = new StringBuilder();
        var events = outcome.EventsAtFailingStep >= 0 ? outcome.EventsAtFailingStep : outcome.Run.Events.Count;
        for (var i = 0; i < events; i++)
        {
            sb.AppendLine(TraceRenderer.Line(outcome.Run.Events[i], 0, zoneNames));
        }

        sb.Append("# ");
        Marker(sb, c);
        sb.Append("# ");
        Verdict(sb, outcome);
        return sb.ToString();
    }

    public static string Json(string path, Counterexample c, ReplayOutcome outcome, IReadOnlyList<ReplayState> states, ReplayState? failing)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("file", path);
            json.WriteString("scenario", c.ScenarioId);
            json.WriteString("variant", c.Variant);
            json.WriteString("property", c.Property);
            json.WriteString("engine", c.Engine);
            json.WriteNumber("seed", c.Case.SimSeed);
            json.WriteBoolean("reproduced", outcome.Reproduced);
            json.WriteString("why", outcome.Why);
            json.WriteStartObject("recorded");
            json.WriteNumber("step", c.FailingStep);
            json.WriteNumber("time_s", c.FailingTimeSeconds);
            json.WriteString("reason", c.Reason);
            json.WriteEndObject();
            json.WriteStartObject("replayed");
            json.WriteString("verdict", outcome.Result.Verdict switch { Engine.Properties.Verdict.Holds => "holds", Engine.Properties.Verdict.Violated => "violated", _ => "unknown" });
            json.WriteNumber("step", outcome.FailingStep);
            if (outcome.Result.At is { } at)
            {
                json.WriteNumber("time_s", at);
            }
            else
            {
                json.WriteNull("time_s");
            }

            json.WriteString("reason", outcome.Result.Reason);
            json.WriteEndObject();
            json.WriteStartArray("states");
            foreach (var s in states)
            {
                State(json, s);
            }

            json.WriteEndArray();
            json.WritePropertyName("failing_state");
            if (failing is null)
            {
                json.WriteNullValue();
            }
            else
            {
                State(json, failing);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void State(Utf8JsonWriter json, ReplayState s)
    {
        json.WriteStartObject();
        json.WriteNumber("step", s.Step);
        json.WriteNumber("t", s.Seconds);
        json.WriteStartArray("zones");
        foreach (var z in s.Zones)
        {
            json.WriteStartObject();
            json.WriteString("zone", z.Label);
            json.WriteNumber("free", z.Free);
            json.WriteNumber("min", z.Min);
            json.WriteNumber("low", z.Low);
            json.WriteNumber("high", z.High);
            json.WriteNumber("boost", z.Boost);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("buddyinfo", s.Buddyinfo);
        json.WriteStartArray("kswapd_failures");
        foreach (var f in s.KswapdFailures)
        {
            json.WriteNumberValue(f);
        }

        json.WriteEndArray();
        json.WriteStartObject("counters");
        foreach (var (name, value) in s.Counters)
        {
            json.WriteNumber(name, value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Header(StringBuilder sb, string path, Counterexample c)
    {
        sb.Append(CultureInfo.InvariantCulture, $"replay {path}").AppendLine();
        sb.Append(CultureInfo.InvariantCulture, $"{c.ModelVersion}, engine {c.Engine}: scenario {c.ScenarioId}, variant {c.Variant}, property {c.Property}, seed {c.Case.SimSeed}, {c.RunSeconds} s").AppendLine();
        if (c.Pbt is { } pbt)
        {
            sb.Append(CultureInfo.InvariantCulture, $"found by PBT: workload {pbt.Tests}, shrunk {pbt.Shrinks} times from {pbt.ActivitiesBeforeShrinking} to {c.Case.Activities} activities (check --engine pbt --seed {pbt.ReplaySeed})").AppendLine();
        }

        sb.Append(CultureInfo.InvariantCulture, $"recorded: violated at step {c.FailingStep}, t={c.FailingTimeSeconds} s: {c.Reason}").AppendLine();
    }

    private static void Marker(StringBuilder sb, Counterexample c) =>
        sb.Append(CultureInfo.InvariantCulture, $">>> step {c.FailingStep}, t={c.FailingTimeSeconds} s: {c.Property} fails: {c.Reason}").AppendLine();

    private static void Verdict(StringBuilder sb, ReplayOutcome outcome) =>
        sb.AppendLine(outcome.Reproduced ? "reproduced: the recorded violation happens again" : $"NOT reproduced: {outcome.Why}");
}
