namespace MmVerify.Engine.Smt;

/// <summary>The kinds of node in an SMT-LIB2 term.</summary>
public enum TermKind
{
    /// <summary>A declared constant (a free variable of the query).</summary>
    Var,

    /// <summary>A bit-vector literal.</summary>
    BvLiteral,

    /// <summary>An integer literal.</summary>
    IntLiteral,

    /// <summary>true or false.</summary>
    BoolLiteral,

    /// <summary>An application of an SMT-LIB2 function (bvadd, ite, and, ...).</summary>
    App,

    /// <summary>A named definition (define-fun without arguments): printed by name, evaluated through its body.</summary>
    Def,
}

/// <summary>
/// An immutable SMT-LIB2 term over booleans, bit-vectors of width 1..128 and mathematical integers.
/// Width 0 means Bool, <see cref="IntWidth"/> (-1) means Int.
/// Built with <see cref="T"/>; printed by <see cref="SmtPrinter"/>; evaluated by <see cref="TermEvaluator"/>.
/// </summary>
public sealed class Term
{
    internal Term(TermKind kind, int width, string op, Term[] args, UInt128 value = default, int[]? indices = null)
    {
        Kind = kind;
        Width = width;
        Op = op;
        Args = args;
        Value = value;
        Indices = indices ?? [];
    }

    public TermKind Kind { get; }

    /// <summary>Bit-vector width, or 0 for Bool.</summary>
    public int Width { get; }

    public const int IntWidth = -1;

    public bool IsBool => Width == 0;

    public bool IsInt => Width == IntWidth;

    public bool IsBv => Width > 0;

    /// <summary>The function symbol of an application, or the name of a variable or definition.</summary>
    public string Op { get; }

    public IReadOnlyList<Term> Args { get; }

    /// <summary>The literal's value (bit-vectors: unsigned, below 2^Width; booleans: 0 or 1; integers: two's complement of an Int128).</summary>
    public UInt128 Value { get; }

    /// <summary>The indices of an indexed function: (_ extract hi lo), (_ zero_extend n), (_ sign_extend n).</summary>
    public IReadOnlyList<int> Indices { get; }

    /// <summary>The body of a definition.</summary>
    public Term Body => Kind == TermKind.Def ? Args[0] : throw new InvalidOperationException($"{Op} is not a definition");

    public override string ToString() => SmtPrinter.Print(this);
}
