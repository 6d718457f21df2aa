using MmVerify.Engine.Properties;
using MmVerify.Engine.Smt;
using MmVerify.Specs;
using MmVerify.Specs.Gate;
using MmVerify.Specs.Theories;

namespace MmVerify.Cli.Check;

/// <summary>check --engine smt: the SMT theories as gate results (see SmtGate), in check's formats and exit codes.</summary>
internal static class SmtCheck
{
    public static int Run(TextWriter output, string[] variants, string[] properties, ulong seed, string format, string outDir)
    {
        var results = Results(variants, properties, seed, outDir);
        output.Write(format switch
        {
            "json" => CheckReports.Json(results),
            "junit" => CheckReports.Junit(results),
            "markdown" => CheckReports.Markdown(results),
            _ => CheckReports.Text(results),
        });

        var unexpected = results.Where(r => !r.AsExpected).ToArray();
        return unexpected.Any(r => r.Verdict != Verdict.Unknown) ? ExitCodes.Failed
            : unexpected.Length > 0 ? ExitCodes.Inconclusive
            : ExitCodes.Ok;
    }

    /// <summary>The theories' verdicts as gate results (the queries are written as .smt2 under outDir/smt2).</summary>
    public static IReadOnlyList<GateResult> Results(string[] variants, string[] properties, ulong seed, string outDir)
    {
        VariantNames.Validate(variants);

        foreach (var id in properties)
        {
            if (PropertyCatalog.All.All(p => p.Id != id))
            {
                throw new BadInputException($"unknown property '{id}'");
            }
        }

        IReadOnlyList<GateResult> results;
        try
        {
            using var session = new Z3Session(timeoutMs: ProofRunner.DefaultTimeoutMs);
            results = SmtGate.Run(new GateRequest([], variants, properties, "standard", seed), session, Path.Combine(outDir, "smt2"));
        }
        catch (SolverUnavailableException e)
        {
            throw new BadInputException(e.Message);
        }
        catch (SolverException e)
        {
            throw new BadInputException($"z3 failed: {e.Message}");
        }

        return results;
    }
}
