using MmVerify.Specs.Counterexamples;
using MmVerify.Specs.Gate;
using MmVerify.Specs.Pbt;

namespace MmVerify.Cli.Check;

/// <summary>Writes each violation's counterexample into --out, one file per (scenario, form, variant, property, engine).</summary>
internal static class CounterexampleFiles
{
    public static List<GateResult> WriteAll(IEnumerable<GateResult> results, string directory)
    {
        var written = new List<GateResult>();
        foreach (var r in results)
        {
            if (r.Witness is not { } witness)
            {
                written.Add(r);
                continue;
            }

            Directory.CreateDirectory(directory);
            var form = r.Engine == PbtGate.Engine ? Expectation.Small : Expectation.Full;
            var path = Path.Combine(directory, CounterexampleWriter.FileName(witness, form));
            File.WriteAllText(path, CounterexampleWriter.Write(witness));
            written.Add(r with { CounterexampleFile = path });
        }

        return written;
    }
}
