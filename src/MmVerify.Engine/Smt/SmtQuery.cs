namespace MmVerify.Engine.Smt;

/// <summary>
/// One satisfiability question: the assertions describe a violation of a property (or the existence of a
/// witness), so "unsat" proves the property and "sat" gives a counterexample whose values are read for
/// <see cref="Observe"/>.
/// </summary>
public sealed class SmtQuery
{
    public SmtQuery(string name, string description, IEnumerable<Term> assertions, IEnumerable<Term>? observe = null, string logic = "QF_BV")
    {
        Name = name;
        Logic = logic;
        Description = description;
        Assertions = [.. assertions];
        IReadOnlyList<Term> observed = observe is null ? [] : [.. observe];
        var (vars, defs) = SmtPrinter.Collect(Assertions.Concat(observed));
        Variables = vars;
        Definitions = defs;
        Observe = observe is null ? vars : observed;
        if (Observe.Any(o => o.Kind != TermKind.Var && o.Kind != TermKind.Def))
        {
            throw new ArgumentException("only variables and definitions can be observed", nameof(observe));
        }
    }

    public string Name { get; }

    /// <summary>The SMT-LIB2 logic: QF_BV (bit-vectors) or QF_NIA (integers, for exact arithmetic without wrap).</summary>
    public string Logic { get; }

    public string Description { get; }

    public IReadOnlyList<Term> Assertions { get; }

    public IReadOnlyList<Term> Variables { get; }

    public IReadOnlyList<Term> Definitions { get; }

    /// <summary>The variables and definitions whose values make up a counterexample, in this order.</summary>
    public IReadOnlyList<Term> Observe { get; }

    /// <summary>The declarations, definitions and assertions, without check-sat.</summary>
    public string Body()
    {
        var sb = new System.Text.StringBuilder();
        foreach (var v in Variables)
        {
            sb.Append("(declare-const ").Append(SmtPrinter.Symbol(v.Op)).Append(' ').Append(SmtPrinter.Sort(v.Width)).Append(")\n");
        }

        foreach (var d in Definitions)
        {
            sb.Append("(define-fun ").Append(SmtPrinter.Symbol(d.Op)).Append(" () ").Append(SmtPrinter.Sort(d.Width)).Append(' ')
              .Append(SmtPrinter.Print(d.Body)).Append(")\n");
        }

        foreach (var a in Assertions)
        {
            sb.Append("(assert ").Append(SmtPrinter.Print(a)).Append(")\n");
        }

        return sb.ToString();
    }

    public string GetValueCommand() => Observe.Count == 0
        ? string.Empty
        : "(get-value (" + string.Join(' ', Observe.Select(o => SmtPrinter.Symbol(o.Op))) + "))";

    /// <summary>A standalone script any SMT-LIB2 solver can run: sat means a counterexample, unsat a proof.</summary>
    public string Script(string header)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var line in header.Split('\n'))
        {
            sb.Append("; ").Append(line).Append('\n');
        }

        sb.Append("; ").Append(Name).Append(": ").Append(Description).Append('\n');
        sb.Append("; unsat = the property holds (proved); sat = counterexample\n");
        sb.Append("(set-logic ").Append(Logic).Append(")\n(set-option :produce-models true)\n");
        sb.Append(Body());
        sb.Append("(check-sat)\n");
        if (Observe.Count > 0)
        {
            sb.Append("; on sat, the counterexample:\n; ").Append(GetValueCommand()).Append('\n');
        }

        return sb.ToString();
    }
}
