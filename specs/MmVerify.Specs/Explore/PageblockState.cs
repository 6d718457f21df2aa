namespace MmVerify.Specs.Explore;

/// <summary>
/// One pageblock of the mobility world, 7 bits: its migratetype (0 unmovable, 1 movable), its free pages 3 and
/// the pages it holds of the other type 3 (a mixed, "polluted" block); the rest hold pages of its own type.
/// </summary>
public readonly record struct Pageblock(int Type, int Free, int Foreign)
{
    public int Pack() => Type | (Free << 1) | (Foreign << 4);

    public static Pageblock Unpack(int w) => new(w & 1, (w >> 1) & 7, (w >> 4) & 7);
}

/// <summary>
/// The mobility world's zone: four pageblocks, kept sorted by their packed value (the blocks are
/// interchangeable, so the order carries no information), and whether the last step woke kswapd below
/// pageblock_order with defrag_mode on: 4 x 7 + 1 = 29 bits.
/// </summary>
public readonly record struct MobilityState(IReadOnlyList<Pageblock> Blocks, bool WokeLow)
{
    public const int Count = 4;

    public int Mixed => Blocks.Count(b => b.Foreign > 0);

    public ulong Pack()
    {
        var codes = Blocks.Select(b => b.Pack()).Order().ToArray();
        var w = 0UL;
        for (var i = 0; i < Count; i++)
        {
            w |= (ulong)codes[i] << (7 * i);
        }

        return w | ((WokeLow ? 1UL : 0) << 28);
    }

    public static MobilityState Unpack(ulong w) =>
        new(Enumerable.Range(0, Count).Select(i => Pageblock.Unpack((int)((w >> (7 * i)) & 127))).ToArray(), ((w >> 28) & 1) != 0);
}
