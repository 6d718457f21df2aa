using System.Diagnostics;
using MmVerify.Engine.Smt;
using MmVerify.Model.Watermarks;
using MmVerify.Specs.Theories;
using MmVerify.Specs.Theories.Encodings;
using Xunit.Abstractions;

namespace MmVerify.Specs.Tests.Theories;

/// <summary>Every theory query gets its expected verdict from z3, and every counterexample replays on the model.</summary>
public sealed class TheoryProofTests(ITestOutputHelper output)
{
    public static TheoryData<string> TheoryNames() => [.. TheoryCatalog.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(TheoryNames))]
    public void Every_query_has_its_expected_verdict_and_every_counterexample_is_confirmed_on_the_model(string theory)
    {
        var dir = Directory.CreateTempSubdirectory("mmverify-smt-").FullName;
        try
        {
            using var z3 = new Z3Session();
            var results = new ProofRunner(z3, dir).RunAll(TheoryCatalog.Find(theory)!.Queries);
            foreach (var r in results)
            {
                output.WriteLine($"{r.Query.Id}: {Verdicts.Name(r.Verdict)} in {r.ElapsedMs} ms; {r.Note}");
                Assert.NotEqual(SolverVerdict.Unknown, r.Verdict);
                Assert.True(r.Verdict == r.Query.Expected, $"{r.Query.Id}: {Verdicts.Name(r.Verdict)}, expected {Verdicts.Name(r.Query.Expected)}: {r.Note}");
                if (r.Verdict == SolverVerdict.Counterexample)
                {
                    Assert.True(r.ConfirmedOnModel, $"{r.Query.Id}: counterexample not confirmed on the model: {r.Note}");
                    Assert.NotEmpty(r.Model);
                }

                Assert.True(File.Exists(r.Smt2Path), r.Smt2Path);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_saved_smt2_files_give_the_same_answer_when_z3_runs_them_standalone()
    {
        var dir = Directory.CreateTempSubdirectory("mmverify-smt-").FullName;
        try
        {
            using var z3 = new Z3Session();
            var queries = TheoryCatalog.All.SelectMany(t => t.Queries).Where(q => q.Theory is "debounce" or "kswapd-counter" or "wmark-check").ToList();
            foreach (var r in new ProofRunner(z3, dir).RunAll(queries))
            {
                var text = File.ReadAllText(r.Smt2Path);
                Assert.StartsWith("; mmverify prove", text);
                var answer = RunZ3(r.Smt2Path);
                Assert.Equal(r.Verdict == SolverVerdict.Proved ? "unsat" : "sat", answer);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_wrong_encoding_gives_a_counterexample_that_the_model_does_not_confirm()
    {
        // The reserve reduction with the OOM halving applied twice: z3 finds marks where it goes below 3/16,
        // and the model (the real reduction) does not reproduce it.
        var x = WmarkCheckInputs.Vars();
        var wrong = T.IDiv(WmarkCheckEncoding.ReservedMin(x.Mark, x.Flags, string.Empty), T.Ite(WmarkCheckEncoding.Has(x.Flags, Model.Gfp.AllocFlags.Oom), T.Int(2), T.Int(1)));
        var query = new TheoryQuery("test", "wrong-oom", "alloc.atomic-reserve", "faulty encoding", SolverVerdict.Proved, "test",
            () => new SmtQuery("wrong-oom", "below 3/16", [x.Domain(), T.ILt(T.IMul(T.Int(16), wrong), T.IMul(T.Int(3), x.Mark))], [x.Mark, .. x.Flags], "QF_NIA"),
            o =>
            {
                var rm = WatermarkCheck.ReservedMin(o["mark"].AsSigned, WmarkCheckTheory.Flags(o));
                return new ReplayResult(16 * rm < 3 * o["mark"].AsSigned, $"model {rm}");
            });
        var dir = Directory.CreateTempSubdirectory("mmverify-smt-").FullName;
        try
        {
            using var z3 = new Z3Session();
            var r = new ProofRunner(z3, dir).Run(query);
            Assert.Equal(SolverVerdict.Counterexample, r.Verdict);
            Assert.False(r.ConfirmedOnModel);
            Assert.False(r.AsExpected);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string RunZ3(string path)
    {
        using var p = Process.Start(new ProcessStartInfo("z3", [path]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var first = p.StandardOutput.ReadLine() ?? string.Empty;
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return first.Trim();
    }
}
