using System.Text.Json;
using MmVerify.Engine.Properties;

namespace MmVerify.Specs.Gate;

/// <summary>Thrown for a malformed expectations file (bad input).</summary>
public sealed class ExpectationException(string message) : Exception(message);

/// <summary>specs/expected-verdicts.json: the recorded expectation of every (scenario, variant, property).</summary>
public sealed class ExpectationSet
{
    private readonly Dictionary<(string, string, string, string), Expectation> _byKey = [];

    public ExpectationSet(IEnumerable<Expectation> expectations)
    {
        foreach (var e in expectations)
        {
            if (!_byKey.TryAdd((e.Form, e.Scenario, e.Variant, e.Property), e))
            {
                throw new ExpectationException($"two expectations for {e.Scenario} ({e.Form}) / {e.Variant} / {e.Property}");
            }
        }
    }

    public IReadOnlyCollection<Expectation> All => _byKey.Values;

    public static string BuiltInPath => Path.Combine(AppContext.BaseDirectory, "expected-verdicts.json");

    public Expectation? Find(string scenario, string variant, string property, string form = Expectation.Full) =>
        _byKey.TryGetValue((form, scenario, variant, property), out var e) ? e : null;

    public IEnumerable<Expectation> For(string scenario, string variant, string form = Expectation.Full) =>
        _byKey.Values.Where(e => e.Form == form && e.Scenario == scenario && e.Variant == variant);

    public static ExpectationSet Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ExpectationException($"{path}: no such expectations file");
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            var root = doc.RootElement;
            if (root.GetProperty("version").GetInt32() != 1)
            {
                throw new ExpectationException($"{path}: unsupported version {root.GetProperty("version")}");
            }

            var list = new List<Expectation>();
            var i = 0;
            foreach (var item in root.GetProperty("expectations").EnumerateArray())
            {
                string Text(string name) => item.GetProperty(name).GetString() ?? throw new ExpectationException($"{path}: $.expectations[{i}].{name} is null");
                var verdict = Text("verdict") switch
                {
                    "holds" => Verdict.Holds,
                    "violated" => Verdict.Violated,
                    "unknown" => Verdict.Unknown,
                    var v => throw new ExpectationException($"{path}: $.expectations[{i}].verdict: '{v}' is not holds, violated or unknown"),
                };
                var evidence = Text("evidence");
                if (evidence is not ("E" or "I"))
                {
                    throw new ExpectationException($"{path}: $.expectations[{i}].evidence: '{evidence}' is not E or I");
                }

                var finding = item.TryGetProperty("finding", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
                var form = item.TryGetProperty("form", out var fm) ? fm.GetString() : Expectation.Full;
                if (form is not (Expectation.Full or Expectation.Small or Expectation.Explore))
                {
                    throw new ExpectationException($"{path}: $.expectations[{i}].form: '{form}' is not full, small or explore");
                }

                list.Add(new Expectation(Text("scenario"), Text("variant"), Text("property"), verdict, evidence, Text("reason"), finding, form));
                i++;
            }

            return new ExpectationSet(list);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ExpectationException($"{path}: {e.Message.Split('\n')[0]}");
        }
    }
}
