namespace MmVerify.Engine.Smt;

/// <summary>Queries over a transition system: bounded reachability, the k-induction step, lassos.</summary>
public static class Unrolling
{
    /// <summary>Base case / BMC: init(s0), k transitions, and the property fails in some step 0..k.</summary>
    public static SmtQuery Bmc(string name, string description, TransitionSystem ts, int k, Func<Frame, Term> property)
    {
        var assertions = Path(ts, k, withInit: true);
        assertions.Add(T.Or([.. Enumerable.Range(0, k + 1).Select(i => T.Not(property(ts.StateAt(i))))]));
        return new SmtQuery(name, description, assertions, Observed(ts, k));
    }

    /// <summary>
    /// Induction step of k-induction: any k consecutive states that satisfy the property (no initial
    /// condition, pairwise distinct) are followed by one that satisfies it too. unsat together with an unsat
    /// base case of depth k-1 proves the property for every reachable state.
    /// </summary>
    public static SmtQuery InductionStep(string name, string description, TransitionSystem ts, int k, Func<Frame, Term> property)
    {
        var assertions = Path(ts, k, withInit: false);
        for (var i = 0; i < k; i++)
        {
            assertions.Add(property(ts.StateAt(i)));
        }

        assertions.Add(T.Not(property(ts.StateAt(k))));
        for (var i = 0; i < k; i++)
        {
            for (var j = i + 1; j < k; j++)
            {
                assertions.Add(T.Not(SameState(ts, ts.StateAt(i), ts.StateAt(j))));
            }
        }

        return new SmtQuery(name, description, assertions, Observed(ts, k));
    }

    /// <summary>
    /// A lasso of length k: init(s0), k transitions, and a loop back from s_k to some s_l (l &lt; k, recorded in
    /// the variable "loop") such that every transition of the loop satisfies <paramref name="always"/> and at
    /// least one satisfies <paramref name="infinitelyOften"/>. A model is an infinite run that repeats the loop.
    /// </summary>
    public static SmtQuery Lasso(string name, string description, TransitionSystem ts, int k, Func<Frame, Frame, Frame, Term> always, Func<Frame, Frame, Frame, Term> infinitelyOften)
    {
        var assertions = Path(ts, k, withInit: true);
        var loop = T.BvVar("loop", 8);
        var options = new List<Term>();
        for (var l = 0; l < k; l++)
        {
            var steps = Enumerable.Range(l, k - l).ToList();
            options.Add(T.And(
                T.Eq(loop, T.Bv((UInt128)l, 8)),
                SameState(ts, ts.StateAt(k), ts.StateAt(l)),
                T.And([.. steps.Select(i => always(ts.StateAt(i), ts.InputAt(i), ts.StateAt(i + 1)))]),
                T.Or([.. steps.Select(i => infinitelyOften(ts.StateAt(i), ts.InputAt(i), ts.StateAt(i + 1)))])));
        }

        assertions.Add(T.Or([.. options]));
        return new SmtQuery(name, description, assertions, [loop, .. Observed(ts, k)]);
    }

    public static Term SameState(TransitionSystem ts, Frame a, Frame b) =>
        T.And([.. ts.State.Select(v => T.Eq(a[v.Name], b[v.Name]))]);

    private static List<Term> Path(TransitionSystem ts, int k, bool withInit)
    {
        var assertions = new List<Term>();
        if (withInit)
        {
            assertions.Add(ts.Init(ts.StateAt(0)));
        }

        for (var i = 0; i < k; i++)
        {
            assertions.Add(ts.Transition(ts.StateAt(i), ts.InputAt(i), ts.StateAt(i + 1)));
        }

        return assertions;
    }

    /// <summary>The trace's variables step by step: state of step i, then the input that leaves it.</summary>
    private static List<Term> Observed(TransitionSystem ts, int k)
    {
        var observed = new List<Term>();
        for (var i = 0; i <= k; i++)
        {
            var s = ts.StateAt(i);
            observed.AddRange(ts.State.Select(v => s[v.Name]));
            if (i < k)
            {
                var input = ts.InputAt(i);
                observed.AddRange(ts.Inputs.Select(v => input[v.Name]));
            }
        }

        return observed;
    }
}
