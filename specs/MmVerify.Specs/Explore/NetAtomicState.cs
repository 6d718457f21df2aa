namespace MmVerify.Specs.Explore;

/// <summary>
/// The atomic-net world's zone, packed into 20 bits: free pages in unmovable pageblocks 4, free pages in
/// half-used movable pageblocks 5, slab pages the NIC holds taken from unmovable blocks 3 and from movable
/// blocks (stolen: the block is polluted) 3, and whether the last step was an atomic allocation that failed 1.
/// </summary>
public readonly record struct NetAtomicState(int FreeUnmovable, int FreeMovable, int HeldUnmovable, int HeldStolen, bool Failed)
{
    public int Free => FreeUnmovable + FreeMovable;

    public ulong Pack() =>
        (uint)FreeUnmovable | ((ulong)(uint)FreeMovable << 4) | ((ulong)(uint)HeldUnmovable << 9) | ((ulong)(uint)HeldStolen << 12) | ((Failed ? 1UL : 0) << 15);

    public static NetAtomicState Unpack(ulong w) =>
        new((int)(w & 15), (int)((w >> 4) & 31), (int)((w >> 9) & 7), (int)((w >> 12) & 7), ((w >> 15) & 1) != 0);
}
