using MmVerify.Engine.Smt;

namespace MmVerify.Engine.Tests.Smt;

/// <summary>These tests need z3 (ci/setup.sh installs it); without it they fail, they do not skip.</summary>
public sealed class Z3SessionTests
{
    [Fact]
    public void Unsat_is_a_proof_and_sat_a_counterexample_with_values()
    {
        using var z3 = new Z3Session();
        Assert.Contains("4.", z3.Version);
        var x = T.BvVar("x", 8);
        var proof = z3.Check(new SmtQuery("p", "x + 1 wraps only at 255", [T.ULt(T.Add(x, T.Bv(1, 8)), x), T.Distinct(x, T.Bv(255, 8))]));
        Assert.Equal(SolverVerdict.Proved, proof.Verdict);

        var cex = z3.Check(new SmtQuery("c", "x + 1 < x", [T.ULt(T.Add(x, T.Bv(1, 8)), x)]));
        Assert.Equal(SolverVerdict.Counterexample, cex.Verdict);
        Assert.Equal((UInt128)255, cex["x"].Bits);

        // The session is still usable and each query is in its own scope.
        var again = z3.Check(new SmtQuery("d", "x = 3", [T.Eq(x, T.Bv(3, 8))]));
        Assert.Equal((UInt128)3, again["x"].Bits);
    }

    [Fact]
    public void A_query_the_solver_cannot_finish_in_time_is_unknown_never_proved()
    {
        // Monotonicity of 64-bit division by a variable: hard for bit-blasting.
        var (a, b, r) = (T.BvVar("a", 64), T.BvVar("b", 64), T.BvVar("r", 64));
        var hard = new SmtQuery("hard", "udiv monotone", [T.ULe(a, b), T.UGt(T.UDiv(T.Mul(a, a), r), T.UDiv(T.Mul(b, b), r)), T.ULt(b, T.U64(1UL << 32))]);
        using var z3 = new Z3Session(timeoutMs: 200);
        var outcome = z3.Check(hard);
        Assert.Equal(SolverVerdict.Unknown, outcome.Verdict);
        Assert.NotNull(outcome.ReasonUnknown);
    }

    [Fact]
    public void The_watchdog_kills_a_solver_that_does_not_answer_and_the_verdict_is_unknown()
    {
        var fake = FakeZ3("watchdog", "#!/bin/sh\n# answers the first request, then never again\nanswered=\nwhile IFS= read -r line; do\n  case \"$line\" in\n    *MMVERIFY-DONE*) if [ -z \"$answered\" ]; then echo '(:version \"fake\")'; echo MMVERIFY-DONE; answered=1; fi ;;\n  esac\ndone\n");
        try
        {
            using var session = new Z3Session(fake, timeoutMs: 100, watchdogGraceMs: 300);
            var outcome = session.Check(new SmtQuery("q", "anything", [T.BoolVar("b")]));
            Assert.Equal(SolverVerdict.Unknown, outcome.Verdict);
            Assert.StartsWith("watchdog", outcome.ReasonUnknown);
            Assert.Equal(1, session.WatchdogKills);
        }
        finally
        {
            File.Delete(fake);
        }
    }

    [Fact]
    public void A_sat_answer_without_a_model_is_unknown_never_a_counterexample()
    {
        // z3's timeout can fire between "sat" and get-value; this fake answers sat, then refuses the model.
        var fake = FakeZ3("sat", "#!/bin/sh\nwhile IFS= read -r line; do\n  case \"$line\" in\n    *get-value*) echo '(error \"model is not available\")' ;;\n    *check-sat*) echo sat ;;\n    *get-info*) echo '(:version \"fake\")' ;;\n    *MMVERIFY-DONE*) echo MMVERIFY-DONE ;;\n  esac\ndone\n");
        try
        {
            using var session = new Z3Session(fake, timeoutMs: 1000, watchdogGraceMs: 2000);
            var outcome = session.Check(new SmtQuery("q", "anything", [T.BoolVar("b")]));
            Assert.Equal(SolverVerdict.Unknown, outcome.Verdict);
            Assert.Contains("model is not available", outcome.ReasonUnknown);
        }
        finally
        {
            File.Delete(fake);
        }
    }

    [Fact]
    public void A_query_whose_push_the_timeout_cancels_is_unknown_not_a_rejected_script()
    {
        // With a 1 ms :timeout, z3 can run out of time on the push before check-sat: "(error ... push canceled)".
        var fake = FakeZ3("canceled", "#!/bin/sh\nwhile IFS= read -r line; do\n  case \"$line\" in\n    *push*) echo '(error \"line 6 column 7: push canceled\")' ;;\n    *check-sat*) echo unknown ;;\n    *get-info*) echo '(:version \"fake\")' ;;\n    *MMVERIFY-DONE*) echo MMVERIFY-DONE ;;\n  esac\ndone\n");
        try
        {
            using var session = new Z3Session(fake, timeoutMs: 1000, watchdogGraceMs: 2000);
            var outcome = session.Check(new SmtQuery("q", "anything", [T.BoolVar("b")]));
            Assert.Equal(SolverVerdict.Unknown, outcome.Verdict);
            Assert.Contains("push canceled", outcome.ReasonUnknown);
        }
        finally
        {
            File.Delete(fake);
        }
    }

    [Fact]
    public void A_missing_solver_says_how_to_install_it()
    {
        var e = Assert.Throws<SolverUnavailableException>(() => new Z3Session("/nonexistent/z3"));
        Assert.Contains("apt-get install z3", e.Message);
    }

    [Fact]
    public void A_script_the_solver_rejects_is_an_error_and_the_session_survives()
    {
        using var z3 = new Z3Session();
        var x = T.BvVar("x", 8);

        // A definition and a variable of the same name: the builder lets it through, z3 refuses the script.
        var clash = new SmtQuery("bad", "a name declared twice", [T.Eq(x, T.Bv(1, 8)), T.Eq(T.Define("x", T.Bv(2, 8)), T.Bv(2, 8))]);
        Assert.Throws<SolverException>(() => z3.Check(clash));

        var ok = z3.Check(new SmtQuery("ok", "x = 1", [T.Eq(x, T.Bv(1, 8))]));
        Assert.Equal(SolverVerdict.Counterexample, ok.Verdict);
        Assert.Equal((UInt128)1, ok["x"].Bits);
    }

    [Fact]
    public void Bmc_lasso_and_induction_queries_over_a_counter()
    {
        // A 4-bit counter that either increments or resets: it can loop forever below 8 (lasso), and it never
        // exceeds 15 (1-inductive), while "c < 5" is reachable-false (BMC finds it).
        var ts = new TransitionSystem("counter", [new("c", 4)], [new("reset", 0)],
            s => T.Eq(s["c"], T.Bv(0, 4)),
            (s, i, n) => T.Eq(n["c"], T.Ite(T.Or(i["reset"], T.Eq(s["c"], T.Bv(15, 4))), T.Bv(0, 4), T.Add(s["c"], T.Bv(1, 4)))));
        using var z3 = new Z3Session();
        var bmc = z3.Check(Unrolling.Bmc("bmc", "c stays below 5", ts, 6, s => T.ULt(s["c"], T.Bv(5, 4))));
        Assert.Equal(SolverVerdict.Counterexample, bmc.Verdict);
        Assert.Equal((UInt128)5, Enumerable.Range(0, 7).Select(i => bmc[$"c@{i}"].Bits).Max());

        var lasso = z3.Check(Unrolling.Lasso("lasso", "resets forever", ts, 5, (s, i, n) => T.ULt(s["c"], T.Bv(8, 4)), (s, i, n) => i["reset"]));
        Assert.Equal(SolverVerdict.Counterexample, lasso.Verdict);
        var loop = (int)lasso["loop"].Bits;
        Assert.Equal(lasso[$"c@{loop}"].Bits, lasso["c@5"].Bits);

        var noLassoAbove = z3.Check(Unrolling.Lasso("none", "stays at 15", ts, 5, (s, i, n) => T.Eq(s["c"], T.Bv(15, 4)), (s, i, n) => T.True));
        Assert.Equal(SolverVerdict.Proved, noLassoAbove.Verdict);

        var step = z3.Check(Unrolling.InductionStep("step", "c <= 15", ts, 1, s => T.ULe(s["c"], T.Bv(15, 4))));
        Assert.Equal(SolverVerdict.Proved, step.Verdict);
    }

    // An executable shell script standing in for z3, answering the session's line protocol as the test needs.
    private static string FakeZ3(string name, string script)
    {
        var fake = Path.Combine(Path.GetTempPath(), $"mmverify-fake-z3-{name}-{Environment.ProcessId}.sh");
        File.WriteAllText(fake, script);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return fake;
    }
}
