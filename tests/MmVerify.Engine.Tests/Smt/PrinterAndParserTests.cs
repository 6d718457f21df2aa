using MmVerify.Engine.Smt;

namespace MmVerify.Engine.Tests.Smt;

public sealed class PrinterAndParserTests
{
    [Fact]
    public void Terms_print_as_SMT_LIB2_with_decimal_literals_and_quoted_step_names()
    {
        var x = T.BvVar("x@3", 64);
        var t = T.ULe(T.Add(x, T.U64(5)), T.Extract(T.ZeroExt(x, 64), 63, 0));
        Assert.Equal("(bvule (bvadd |x@3| (_ bv5 64)) ((_ extract 63 0) ((_ zero_extend 64) |x@3|)))", SmtPrinter.Print(t));
        Assert.Equal("(<= (- 3) (div n 2))", SmtPrinter.Print(T.ILe(T.Int(-3), T.IDiv(T.IntVar("n"), T.Int(2)))));
    }

    [Fact]
    public void A_query_declares_what_it_uses_and_defines_before_use()
    {
        var a = T.BvVar("a", 8);
        var d = T.Define("double_a", T.Add(a, a));
        var q = new SmtQuery("q", "test", [T.UGt(d, T.Bv(3, 8))], [a, d]);
        Assert.Equal("(declare-const a (_ BitVec 8))\n(define-fun double_a () (_ BitVec 8) (bvadd a a))\n(assert (bvugt double_a (_ bv3 8)))\n", q.Body());
        Assert.Contains("(set-logic QF_BV)", q.Script("header"));
        Assert.Contains("(check-sat)", q.Script("header"));
    }

    [Theory]
    [InlineData("#x0000000a", 10, 32)]
    [InlineData("#b101", 5, 3)]
    [InlineData("(_ bv77 64)", 77, 64)]
    public void Bit_vector_values_parse_in_every_solver_notation(string text, int value, int width)
    {
        var v = SExpr.ToValue(SExpr.Parse(text));
        Assert.Equal((UInt128)value, v.Bits);
        Assert.Equal(width, v.Width);
    }

    [Fact]
    public void Integers_booleans_and_get_value_answers_parse()
    {
        var e = SExpr.Parse("((x (- 12)) (|y@1| true) (z 40000000000))");
        Assert.Equal("y@1", e.Items[1].Items[0].Atom);
        Assert.Equal(-12, (long)SExpr.ToValue(e.Items[0].Items[1]).AsInteger);
        Assert.True(SExpr.ToValue(e.Items[1].Items[1]).AsBool);
        Assert.Equal(40000000000L, SExpr.ToValue(e.Items[2].Items[1]).AsSigned);
        Assert.Throws<FormatException>(() => SExpr.Parse("((x 1)"));
    }

    [Fact]
    public void Sorts_are_checked_when_terms_are_built()
    {
        Assert.Throws<ArgumentException>(() => T.Add(T.BvVar("a", 8), T.BvVar("b", 16)));
        Assert.Throws<ArgumentException>(() => T.And(T.BvVar("a", 8)));
        Assert.Throws<ArgumentException>(() => T.IAdd(T.IntVar("n"), T.BvVar("a", 8)));
        Assert.Throws<ArgumentException>(() => T.BvVar("1bad", 8));
    }
}
