using MmVerify.Model.Gfp;

namespace MmVerify.Specs.Explore;

/// <summary>
/// The allocating task of the defrag world, packed into 40 bits: phase 3, free pages 6, no_progress_loops 5
/// (saturating at MAX_RECLAIM_RETRIES + 1), the alloc flags 16 (ALLOC_NOFRAGMENT among them).
/// </summary>
public readonly record struct AllocState(AllocPhase Phase, int Free, int NoProgress, AllocFlags Flags)
{
    public ulong Pack() => (uint)Phase | ((ulong)(uint)Free << 3) | ((ulong)(uint)NoProgress << 9) | ((ulong)(uint)Flags << 14);

    public static AllocState Unpack(ulong w) => new((AllocPhase)(w & 7), (int)((w >> 3) & 63), (int)((w >> 9) & 31), (AllocFlags)((w >> 14) & 0xFFFF));
}
