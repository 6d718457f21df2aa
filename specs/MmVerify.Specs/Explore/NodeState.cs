namespace MmVerify.Specs.Explore;

/// <summary>
/// One node of the explicit world, packed into 26 bits: free 5, file 3, memcg 4, boost 3, boost at run start 3,
/// kswapd_failures 5, phase 2, hog alive 1. Anon pages are derived (pages - free - file - memcg).
/// </summary>
public record struct NodeState(int Free, int File, int Memcg, int Boost, int BoostAtStart, int Failures, KswapdRunPhase Phase, bool HogAlive)
{
    public const int Bits = 26;

    public readonly ulong Pack() =>
        (uint)Free | ((ulong)(uint)File << 5) | ((ulong)(uint)Memcg << 8) | ((ulong)(uint)Boost << 12) | ((ulong)(uint)BoostAtStart << 15)
        | ((ulong)(uint)Failures << 18) | ((ulong)(uint)Phase << 23) | ((HogAlive ? 1UL : 0) << 25);

    public static NodeState Unpack(ulong w) => new(
        (int)(w & 31), (int)((w >> 5) & 7), (int)((w >> 8) & 15), (int)((w >> 12) & 7), (int)((w >> 15) & 7),
        (int)((w >> 18) & 31), (KswapdRunPhase)((w >> 23) & 3), ((w >> 25) & 1) != 0);

    public static NodeState Of(ulong state, int node) => Unpack((state >> (node * Bits)) & ((1UL << Bits) - 1));

    public static ulong With(ulong state, int node, NodeState n)
    {
        var shift = node * Bits;
        return (state & ~(((1UL << Bits) - 1) << shift)) | (n.Pack() << shift);
    }
}
