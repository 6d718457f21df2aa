namespace MmVerify.Specs.Explore;

/// <summary>
/// The auto-tuning world's state, packed into 36 bits: min_free_kbytes 22, whole seconds since the last tuning
/// action 4 (0..10, 11 = more, 15 = never: the debounce's static starts at 0), seconds since min_free_kbytes
/// last changed 9 (saturating at 300, v2's decay interval), and whether the step into this state was a tuning
/// action 1.
/// </summary>
public readonly record struct TuneState(long MinFreeKbytes, int SinceTune, int SinceChange, bool Tuned)
{
    public const int Never = 15;

    public const int LongAgo = 11;

    public ulong Pack() => (ulong)MinFreeKbytes | ((ulong)(uint)SinceTune << 22) | ((ulong)(uint)SinceChange << 26) | ((Tuned ? 1UL : 0) << 35);

    public static TuneState Unpack(ulong w) => new((long)(w & ((1UL << 22) - 1)), (int)((w >> 22) & 15), (int)((w >> 26) & 511), ((w >> 35) & 1) != 0);
}
