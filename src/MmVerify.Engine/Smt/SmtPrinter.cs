using System.Globalization;
using System.Text;

namespace MmVerify.Engine.Smt;

/// <summary>Prints terms, sorts and the declarations a set of terms needs, as SMT-LIB2 text.</summary>
public static class SmtPrinter
{
    public static string Print(Term term)
    {
        var sb = new StringBuilder();
        Append(sb, term);
        return sb.ToString();
    }

    public static string Sort(int width) => width switch
    {
        0 => "Bool",
        Term.IntWidth => "Int",
        _ => $"(_ BitVec {width})",
    };

    /// <summary>An integer literal: n, or (- n) for negative values.</summary>
    public static string IntLiteral(Int128 value) => value < 0
        ? $"(- {(-value).ToString(CultureInfo.InvariantCulture)})"
        : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Literals in the decimal indexed form, (_ bvN W), which every SMT-LIB2 solver reads.</summary>
    public static string Literal(UInt128 value, int width) => $"(_ bv{value.ToString(CultureInfo.InvariantCulture)} {width})";

    private static void Append(StringBuilder sb, Term t)
    {
        switch (t.Kind)
        {
            case TermKind.Var:
            case TermKind.Def:
                sb.Append(Symbol(t.Op));
                return;
            case TermKind.BoolLiteral:
                sb.Append(t.Op);
                return;
            case TermKind.BvLiteral:
                sb.Append(Literal(t.Value, t.Width));
                return;
            case TermKind.IntLiteral:
                sb.Append(IntLiteral(unchecked((Int128)t.Value)));
                return;
        }

        sb.Append('(');
        if (t.Indices.Count > 0)
        {
            sb.Append("(_ ").Append(t.Op);
            foreach (var i in t.Indices)
            {
                sb.Append(' ').Append(i.ToString(CultureInfo.InvariantCulture));
            }

            sb.Append(')');
        }
        else
        {
            sb.Append(t.Op);
        }

        foreach (var a in t.Args)
        {
            sb.Append(' ');
            Append(sb, a);
        }

        sb.Append(')');
    }

    /// <summary>Symbols with characters outside the simple-symbol set are quoted |like this|.</summary>
    public static string Symbol(string name) => name.Any(c => c is '@') ? $"|{name}|" : name;

    /// <summary>Every variable and definition the terms use, in first-use order (definitions after what they use).</summary>
    public static (IReadOnlyList<Term> Vars, IReadOnlyList<Term> Defs) Collect(IEnumerable<Term> terms)
    {
        var vars = new List<Term>();
        var defs = new List<Term>();
        var seenVars = new Dictionary<string, Term>(StringComparer.Ordinal);
        var seenDefs = new HashSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<Term>(ReferenceEqualityComparer.Instance);

        void Walk(Term t)
        {
            if (!visited.Add(t))
            {
                return;
            }

            switch (t.Kind)
            {
                case TermKind.Var:
                    if (seenVars.TryGetValue(t.Op, out var prior))
                    {
                        if (prior.Width != t.Width)
                        {
                            throw new ArgumentException($"variable {t.Op} declared with two sorts");
                        }
                    }
                    else
                    {
                        seenVars[t.Op] = t;
                        vars.Add(t);
                    }

                    return;
                case TermKind.Def:
                    Walk(t.Body);
                    if (seenDefs.Add(t.Op))
                    {
                        defs.Add(t);
                    }

                    return;
                default:
                    foreach (var a in t.Args)
                    {
                        Walk(a);
                    }

                    return;
            }
        }

        foreach (var t in terms)
        {
            Walk(t);
        }

        return (vars, defs);
    }
}
