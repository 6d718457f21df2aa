using System.Globalization;
using System.Text;
using System.Text.Json;
using MmVerify.Engine.Properties;
using MmVerify.Specs.Gate;
using MmVerify.Specs.Pbt;
using MmVerify.Specs.Theories;

namespace MmVerify.Cli.Check;

/// <summary>The gate's verdicts as text (a matrix), JSON (DESIGN.md), JUnit XML and Markdown.</summary>
internal static class CheckReports
{
    private static string Name(Verdict v) => v switch
    {
        Verdict.Holds => "holds",
        Verdict.Violated => "violated",
        _ => "unknown",
    };

    /// <summary>How a report names the engine after a scenario: nothing for simulation of the full form.</summary>
    private static string EngineLabel(string engine) => engine switch
    {
        SimGate.Engine => "",
        PbtGate.Engine => " (small form, pbt)",
        "explore" => " (explicit-state world, explore)",
        _ => $" ({engine})",
    };

    public static string Text(IReadOnlyList<GateResult> results)
    {
        var sb = new StringBuilder();
        foreach (var group in results.GroupBy(r => (r.Scenario, r.Engine)))
        {
            sb.Append("scenario ").Append(group.Key.Scenario).AppendLine(EngineLabel(group.Key.Engine));
            var variants = group.Select(r => r.Variant).Distinct().ToArray();
            var properties = group.Select(r => r.Property).Distinct().Order(StringComparer.Ordinal).ToArray();
            var width = Math.Max(28, properties.Max(p => p.Length) + 2);
            var columns = variants.Select(v => Math.Max(v.Length, 12) + 2).ToArray();
            sb.Append(new string(' ', width));
            for (var i = 0; i < variants.Length; i++)
            {
                sb.Append(variants[i].PadRight(columns[i]));
            }

            sb.AppendLine();
            foreach (var p in properties)
            {
                sb.Append(p.PadRight(width));
                for (var i = 0; i < variants.Length; i++)
                {
                    var r = group.FirstOrDefault(x => x.Variant == variants[i] && x.Property == p);
                    var cell = r is null ? "-" : Name(r.Verdict) + (r.AsExpected ? "" : " (!)");
                    sb.Append(cell.PadRight(columns[i]));
                }

                sb.AppendLine();
            }

            sb.AppendLine();
        }

        var unexpected = results.Where(r => !r.AsExpected).ToArray();
        foreach (var r in unexpected)
        {
            sb.Append(CultureInfo.InvariantCulture, $"(!) {r.Scenario} / {r.Variant} / {r.Property} [{r.Engine}]: {Name(r.Verdict)}, expected {(r.Expected is { } e ? Name(e.Verdict) : "not violated")}: {r.Reason}").AppendLine();
        }

        foreach (var r in results.Where(r => r.CounterexampleFile is not null))
        {
            sb.Append(CultureInfo.InvariantCulture, $"counterexample: {r.CounterexampleFile}").AppendLine();
        }

        sb.Append(CultureInfo.InvariantCulture, $"{results.Count} verdicts, {results.Count(r => r.AsExpected)} as expected, {unexpected.Length} unexpected").AppendLine();
        return sb.ToString();
    }

    public static string Json(IReadOnlyList<GateResult> results)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("results");
            foreach (var r in results)
            {
                json.WriteStartObject();
                json.WriteString("scenario", r.Scenario);
                json.WriteString("variant", r.Variant);
                json.WriteString("property", r.Property);
                json.WriteString("engine", r.Engine);
                json.WriteString("verdict", Name(r.Verdict));
                if (r.Expected is { } e)
                {
                    json.WriteString("expected", Name(e.Verdict));
                }
                else
                {
                    json.WriteNull("expected");
                }

                if (r.CounterexampleFile is { } file)
                {
                    json.WriteString("counterexample", file);
                }
                else
                {
                    json.WriteNull("counterexample");
                }

                json.WriteNumber("steps", r.Steps);
                json.WriteNumber("seed", r.Seed);
                json.WriteNumber("elapsed_ms", r.ElapsedMs);
                json.WriteString("reason", r.Reason);
                if (r.At is { } at)
                {
                    json.WriteNumber("at_s", Math.Round(at, 6));
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("total", results.Count);
            json.WriteNumber("as_expected", results.Count(r => r.AsExpected));
            json.WriteNumber("unexpected", results.Count(r => !r.AsExpected));
            json.WriteNumber("violated", results.Count(r => r.Verdict == Verdict.Violated));
            json.WriteNumber("unknown", results.Count(r => r.Verdict == Verdict.Unknown));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static string Junit(IReadOnlyList<GateResult> results)
    {
        static string X(string s) => System.Security.SecurityElement.Escape(s) ?? "";
        var sb = new StringBuilder();
        sb.AppendLine("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        sb.Append(CultureInfo.InvariantCulture, $"<testsuites name=\"mmverify\" tests=\"{results.Count}\" failures=\"{results.Count(r => !r.AsExpected)}\">").AppendLine();
        foreach (var group in results.GroupBy(r => $"{r.Scenario} / {r.Variant}{(r.Engine == SimGate.Engine || r.Engine == SmtGate.Engine ? "" : $" ({r.Engine})")}"))
        {
            sb.Append(CultureInfo.InvariantCulture, $"  <testsuite name=\"{X(group.Key)}\" tests=\"{group.Count()}\" failures=\"{group.Count(r => !r.AsExpected)}\">").AppendLine();
            foreach (var r in group)
            {
                sb.Append(CultureInfo.InvariantCulture, $"    <testcase classname=\"{X(group.Key)}\" name=\"{X(r.Property)}\" time=\"{r.ElapsedMs / 1000.0:F3}\"");
                if (r.AsExpected)
                {
                    sb.AppendLine(" />");
                    continue;
                }

                sb.AppendLine(">");
                sb.Append(CultureInfo.InvariantCulture, $"      <failure message=\"{X(Name(r.Verdict))}, expected {X(r.Expected is { } e ? Name(e.Verdict) : "not violated")}\">{X(r.Reason)}</failure>").AppendLine();
                sb.AppendLine("    </testcase>");
            }

            sb.AppendLine("  </testsuite>");
        }

        sb.AppendLine("</testsuites>");
        return sb.ToString();
    }

    public static string Markdown(IReadOnlyList<GateResult> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| scenario | variant | property | engine | verdict | expected | note |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var expected = r.Expected is { } e ? $"{Name(e.Verdict)} [{e.Evidence}]" : "-";
            sb.Append(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.Variant} | {r.Property} | {r.Engine} | {Name(r.Verdict)}{(r.AsExpected ? "" : " **unexpected**")} | {expected} | {r.Reason.Replace("|", "\\|", StringComparison.Ordinal)} |").AppendLine();
        }

        sb.AppendLine();
        sb.Append(CultureInfo.InvariantCulture, $"{results.Count} verdicts, {results.Count(r => r.AsExpected)} as expected, {results.Count(r => !r.AsExpected)} unexpected").AppendLine();
        return sb.ToString();
    }
}
