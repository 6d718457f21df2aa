namespace MmVerify.Engine.Smt;

/// <summary>A minimal S-expression reader for solver answers such as ((x #x0000000a) (b true)).</summary>
public sealed class SExpr
{
    private SExpr(string? atom, IReadOnlyList<SExpr> items)
    {
        Atom = atom;
        Items = items;
    }

    public string? Atom { get; }

    public IReadOnlyList<SExpr> Items { get; }

    public bool IsAtom => Atom is not null;

    public static SExpr Parse(string text)
    {
        var pos = 0;
        var e = Read(text, ref pos);
        SkipSpace(text, ref pos);
        return pos == text.Length ? e : throw new FormatException($"trailing text in solver answer: {text[pos..]}");
    }

    /// <summary>Reads a value literal: #b..., #x..., (_ bvN W), true, false.</summary>
    public static SmtValue ToValue(SExpr e)
    {
        if (e.Atom is { } a)
        {
            if (a == "true")
            {
                return new SmtValue(1, 0);
            }

            if (a == "false")
            {
                return new SmtValue(0, 0);
            }

            if (a.StartsWith("#b", StringComparison.Ordinal))
            {
                UInt128 v = 0;
                foreach (var c in a[2..])
                {
                    v = (v << 1) | (c == '1' ? 1u : 0u);
                }

                return new SmtValue(v, a.Length - 2);
            }

            if (a.Length > 0 && char.IsAsciiDigit(a[0]))
            {
                return new SmtValue(unchecked((UInt128)Int128.Parse(a, System.Globalization.CultureInfo.InvariantCulture)), Term.IntWidth);
            }

            if (a.StartsWith("#x", StringComparison.Ordinal))
            {
                return new SmtValue(UInt128.Parse(a[2..], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture), 4 * (a.Length - 2));
            }
        }
        else if (e.Items.Count == 2 && e.Items[0].Atom == "-")
        {
            var inner = ToValue(e.Items[1]);
            if (inner.IsInt)
            {
                return new SmtValue(unchecked((UInt128)(-inner.AsInteger)), Term.IntWidth);
            }
        }
        else if (e.Items.Count == 3 && e.Items[0].Atom == "_" && e.Items[1].Atom is { } bv && bv.StartsWith("bv", StringComparison.Ordinal))
        {
            return new SmtValue(UInt128.Parse(bv[2..], System.Globalization.CultureInfo.InvariantCulture), int.Parse(e.Items[2].Atom!, System.Globalization.CultureInfo.InvariantCulture));
        }

        throw new FormatException($"not a value literal: {e}");
    }

    public override string ToString() => Atom ?? "(" + string.Join(' ', Items) + ")";

    private static SExpr Read(string s, ref int pos)
    {
        SkipSpace(s, ref pos);
        if (pos >= s.Length)
        {
            throw new FormatException("unexpected end of solver answer");
        }

        if (s[pos] == '(')
        {
            pos++;
            var items = new List<SExpr>();
            while (true)
            {
                SkipSpace(s, ref pos);
                if (pos >= s.Length)
                {
                    throw new FormatException("unbalanced parenthesis in solver answer");
                }

                if (s[pos] == ')')
                {
                    pos++;
                    return new SExpr(null, items);
                }

                items.Add(Read(s, ref pos));
            }
        }

        if (s[pos] == ')')
        {
            throw new FormatException("unexpected ')' in solver answer");
        }

        var start = pos;
        if (s[pos] == '|')
        {
            pos = s.IndexOf('|', pos + 1) + 1;
            if (pos == 0)
            {
                throw new FormatException("unterminated |symbol| in solver answer");
            }

            return new SExpr(s[(start + 1)..(pos - 1)], []);
        }

        while (pos < s.Length && !char.IsWhiteSpace(s[pos]) && s[pos] is not '(' and not ')')
        {
            pos++;
        }

        return new SExpr(s[start..pos], []);
    }

    private static void SkipSpace(string s, ref int pos)
    {
        while (pos < s.Length && char.IsWhiteSpace(s[pos]))
        {
            pos++;
        }
    }
}
