using System.Text;
using System.Text.Json;
using MmVerify.Engine.Explore;
using MmVerify.Specs.Explore;
using MmVerify.Specs.Gate;

namespace MmVerify.Cli.Explore;

/// <summary>
/// The DESIGN.md json of explore: {scenario, variant, complete, states, transitions, states_per_second,
/// bytes_per_state, results: [{property, verdict, expected, counterexample}]}; a counterexample is
/// {kind, loop_start, actions, states, file}.
/// </summary>
internal static class ExploreJson
{
    public static string Report(string scenario, IExploreWorld world, ExploreOutcome o, IReadOnlyList<(ExploreResult Result, Expectation? Expected)> judged, IReadOnlyDictionary<string, string> files) =>
        Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("scenario", scenario);
            w.WriteString("variant", world.Policy.Name);
            w.WriteBoolean("complete", o.Complete);
            w.WriteNumber("states", o.States);
            w.WriteNumber("transitions", o.Transitions);
            w.WriteNumber("depth", o.Depth);
            w.WriteNumber("elapsed_ms", (long)o.Elapsed.TotalMilliseconds);
            w.WriteNumber("states_per_second", Math.Round(o.StatesPerSecond));
            w.WriteNumber("transitions_per_second", Math.Round(o.TransitionsPerSecond));
            w.WriteNumber("bytes_per_state", Math.Round(o.BytesPerState, 1));
            w.WriteStartArray("results");
            foreach (var (r, e) in judged)
            {
                w.WriteStartObject();
                w.WriteString("property", r.Property);
                w.WriteString("verdict", ExploreText.Name(r.Verdict));
                if (e is null)
                {
                    w.WriteNull("expected");
                }
                else
                {
                    w.WriteString("expected", ExploreText.Name(e.Verdict));
                }

                w.WritePropertyName("counterexample");
                if (r.Counterexample is { } t)
                {
                    Trace(w, world, t, files.GetValueOrDefault(r.Property));
                }
                else
                {
                    w.WriteNullValue();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });

    public static string Replay(ExploreReplay r) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteBoolean("reproduced", r.Reproduced);
        w.WriteString("reason", r.Reason);
        w.WritePropertyName("trace");
        Trace(w, r.World, r.Trace, null);
        w.WriteEndObject();
    });

    private static void Trace(Utf8JsonWriter w, IExploreWorld world, ExploreTrace t, string? file)
    {
        w.WriteStartObject();
        w.WriteString("kind", t.IsLasso ? "lasso" : "path");
        w.WriteNumber("loop_start", t.LoopStart);
        w.WriteStartArray("actions");
        foreach (var a in t.Actions)
        {
            w.WriteStringValue(world.ActionName(a));
        }

        w.WriteEndArray();
        w.WriteStartArray("states");
        foreach (var s in t.States)
        {
            w.WriteStringValue(world.Describe(s));
        }

        w.WriteEndArray();
        if (file is null)
        {
            w.WriteNull("file");
        }
        else
        {
            w.WriteString("file", file);
        }

        w.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            body(w);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
