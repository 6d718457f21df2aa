using System.Text;
using System.Text.Json;
using MmVerify.Engine.Smt;
using MmVerify.Specs.Theories;

namespace MmVerify.Cli.Prove;

/// <summary>The results of mmverify prove as text or as the JSON of the contract, and the exit code.</summary>
internal sealed class ProveReport(IReadOnlyList<ProofResult> results, string solverVersion, long elapsedMs)
{
    public int ExitCode =>
        results.Any(r => !r.AsExpected && r.Verdict != SolverVerdict.Unknown) ? ExitCodes.Failed
        : results.Any(r => r.Verdict == SolverVerdict.Unknown) ? ExitCodes.Inconclusive
        : ExitCodes.Ok;

    public string Text()
    {
        var sb = new StringBuilder();
        var width = results.Count == 0 ? 0 : results.Max(r => r.Query.Id.Length);
        foreach (var r in results)
        {
            var mark = r.AsExpected ? "ok " : r.Verdict == SolverVerdict.Unknown ? "?? " : "!! ";
            sb.Append(mark).Append(Verdicts.Name(r.Verdict).PadRight(15)).Append(r.Query.Id.PadRight(width))
              .Append("  [").Append(r.Query.PropertyId).Append("] expected ").Append(Verdicts.Name(r.Query.Expected))
              .Append(", ").Append(r.ElapsedMs).Append(" ms\n");
            if (r.Verdict == SolverVerdict.Counterexample)
            {
                sb.Append("     ").Append(r.ConfirmedOnModel ? "confirmed on the model: " : "NOT confirmed on the model: ").Append(r.Note).Append('\n');
                if (r.Model.Count <= 12)
                {
                    sb.Append("     model: ").Append(string.Join(", ", r.Model.Select(kv => $"{kv.Key}={kv.Value}"))).Append('\n');
                }
            }
            else if (r.Verdict == SolverVerdict.Unknown)
            {
                sb.Append("     unknown: ").Append(r.Note).Append('\n');
            }
        }

        sb.Append(Summary()).Append('\n');
        return sb.ToString();
    }

    public string Json()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("results");
            foreach (var r in results)
            {
                json.WriteStartObject();
                json.WriteString("theory", r.Query.Theory);
                json.WriteString("query", r.Query.Name);
                json.WriteString("property", r.Query.PropertyId);
                json.WriteString("verdict", Verdicts.Name(r.Verdict));
                json.WriteString("expected", Verdicts.Name(r.Query.Expected));
                if (r.Verdict == SolverVerdict.Counterexample)
                {
                    json.WriteStartObject("model");
                    foreach (var (name, value) in r.Model)
                    {
                        WriteValue(json, name, value);
                    }

                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNull("model");
                }

                json.WriteBoolean("confirmed_on_model", r.ConfirmedOnModel);
                if (r.Note is null)
                {
                    json.WriteNull("note");
                }
                else
                {
                    json.WriteString("note", r.Note);
                }

                json.WriteString("smt2", r.Smt2Path.Replace('\\', '/'));
                json.WriteNumber("elapsed_ms", r.ElapsedMs);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("queries", results.Count);
            json.WriteNumber("as_expected", results.Count(r => r.AsExpected));
            json.WriteNumber("unexpected", results.Count(r => !r.AsExpected && r.Verdict != SolverVerdict.Unknown));
            json.WriteNumber("unknown", results.Count(r => r.Verdict == SolverVerdict.Unknown));
            json.WriteNumber("proved", results.Count(r => r.Verdict == SolverVerdict.Proved));
            json.WriteNumber("counterexamples", results.Count(r => r.Verdict == SolverVerdict.Counterexample));
            json.WriteNumber("confirmed_on_model", results.Count(r => r.ConfirmedOnModel));
            json.WriteString("solver", solverVersion);
            json.WriteNumber("elapsed_ms", elapsedMs);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private string Summary() =>
        $"{results.Count} queries: {results.Count(r => r.AsExpected)} as expected, {results.Count(r => !r.AsExpected && r.Verdict != SolverVerdict.Unknown)} unexpected, {results.Count(r => r.Verdict == SolverVerdict.Unknown)} unknown; "
        + $"{results.Count(r => r.Verdict == SolverVerdict.Proved)} proved, {results.Count(r => r.Verdict == SolverVerdict.Counterexample)} counterexamples ({results.Count(r => r.ConfirmedOnModel)} confirmed on the model); {elapsedMs} ms with z3 {SolverVersion()}";

    private string SolverVersion()
    {
        var i = solverVersion.IndexOf('"');
        var j = solverVersion.LastIndexOf('"');
        return i >= 0 && j > i ? solverVersion[(i + 1)..j] : solverVersion;
    }

    private static void WriteValue(Utf8JsonWriter json, string name, SmtValue value)
    {
        if (value.IsBool)
        {
            json.WriteBoolean(name, value.AsBool);
        }
        else if (value.Width <= 64)
        {
            json.WriteNumber(name, value.AsU64);
        }
        else
        {
            json.WriteString(name, value.ToString());
        }
    }
}
