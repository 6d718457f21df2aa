using MmVerify.Engine.Explore;

namespace MmVerify.Engine.Tests.Explore;

/// <summary>A grid of (x, y) in 0..Size-1 packed as x | y &lt;&lt; 8; actions 0 = x+1, 1 = y+1, 2 = reset to (0, 0).</summary>
internal sealed class Grid(int size, bool reset = false) : IExplorable
{
    public ulong Initial => 0;

    public int MaxSuccessors => 3;

    public static int X(ulong s) => (int)(s & 0xff);

    public static int Y(ulong s) => (int)(s >> 8);

    public int Successors(ulong s, Span<Step> into)
    {
        var n = 0;
        if (X(s) + 1 < size)
        {
            into[n++] = new Step(0, s + 1);
        }

        if (Y(s) + 1 < size)
        {
            into[n++] = new Step(1, s + 256);
        }

        if (reset && s != 0)
        {
            into[n++] = new Step(2, 0);
        }

        return n;
    }

    public string ActionName(int action) => action switch { 0 => "x", 1 => "y", _ => "reset" };

    public string Describe(ulong s) => $"({X(s)},{Y(s)})";
}

/// <summary>A pseudo-random graph over 0..N-1 (each state has 1 to 4 successors chosen by a hash): many merges and cycles.</summary>
internal sealed class Scramble(int n) : IExplorable
{
    public ulong Initial => 0;

    public int MaxSuccessors => 4;

    public int Successors(ulong s, Span<Step> into)
    {
        var k = 1 + (int)(ShardHash(s + 12_345) % 4);
        for (var i = 0; i < k; i++)
        {
            into[i] = new Step(i, ShardHash((s * 4) + (ulong)i + 7) % (ulong)n);
        }

        return k;
    }

    public string ActionName(int action) => $"a{action}";

    public string Describe(ulong s) => s.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ulong ShardHash(ulong v)
    {
        v ^= v >> 33;
        v *= 0xff51afd7ed558ccdUL;
        return v ^ (v >> 33);
    }
}

/// <summary>An explicit edge list (state, action, target) for liveness tests.</summary>
internal sealed class Edges((int From, int Action, int To)[] edges) : IExplorable
{
    public ulong Initial => 0;

    public int MaxSuccessors => edges.Length;

    public int Successors(ulong s, Span<Step> into)
    {
        var n = 0;
        foreach (var (from, action, to) in edges)
        {
            if ((ulong)from == s)
            {
                into[n++] = new Step(action, (ulong)to);
            }
        }

        return n;
    }

    public string ActionName(int action) => $"a{action}";

    public string Describe(ulong s) => $"s{s}";
}
