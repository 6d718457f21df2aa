using MmVerify.Engine.Properties;
using MmVerify.Engine.Smt;
using MmVerify.Model.Variants;
using MmVerify.Specs.Gate;

namespace MmVerify.Specs.Theories;

/// <summary>
/// The SMT theories as gate results for `mmverify check --engine smt`: one result per query, under the DESIGN
/// property it bears on (wmark.arith, wmark.ordered, wmark.check-monotone, alloc.atomic-reserve, boost.bounded,
/// boost.decays, tune.cap, tune.restores, tune.debounce, kswapd.hopeless, kswapd.reset-when-balanced) and the
/// variant it is about. The scenario column names the query (smt:THEORY/QUERY): SMT results hold for every
/// machine, not for one scenario. A proof is "holds", a confirmed counterexample "violated", and a counterexample
/// the model does not reproduce "unknown" (it says the encoding and the model disagree).
/// </summary>
public static class SmtGate
{
    public const string Engine = "smt";

    public static IReadOnlyList<GateResult> Run(GateRequest request, Z3Session session, string emitDirectory)
    {
        ArgumentNullException.ThrowIfNull(request);
        var variants = request.Variants.Select(v => VariantCatalog.Resolve(v).Name).ToHashSet(StringComparer.Ordinal);
        var queries = TheoryCatalog.All.SelectMany(t => t.Queries)
            .Where(q => variants.Count == 0 || variants.Contains(q.Variant))
            .Where(q => request.Properties.Count == 0 || request.Properties.Contains(q.PropertyId));
        var runner = new ProofRunner(session, emitDirectory);
        return [.. queries.Select(q => ToGate(runner.Run(q), request.Seed))];
    }

    public static GateResult ToGate(ProofResult r, ulong seed)
    {
        var scenario = $"smt:{r.Query.Id}";
        var verdict = r.Verdict switch
        {
            SolverVerdict.Proved => Verdict.Holds,
            SolverVerdict.Counterexample when r.ConfirmedOnModel => Verdict.Violated,
            _ => Verdict.Unknown,
        };
        var expected = new Expectation(scenario, r.Query.Variant, r.Query.PropertyId,
            r.Query.Expected == SolverVerdict.Proved ? Verdict.Holds : Verdict.Violated, "I", r.Query.Why);
        var reason = r.Verdict switch
        {
            SolverVerdict.Proved => $"proved: {r.Query.Statement}",
            SolverVerdict.Counterexample => $"{(r.ConfirmedOnModel ? "counterexample" : "counterexample NOT confirmed on the model")}: {r.Note}",
            _ => $"solver unknown: {r.Note}",
        };
        return new GateResult(scenario, r.Query.Variant, r.Query.PropertyId, Engine, verdict, expected, reason, null, 0, seed, r.ElapsedMs);
    }
}
