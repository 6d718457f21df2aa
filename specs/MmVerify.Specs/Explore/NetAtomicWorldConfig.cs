namespace MmVerify.Specs.Explore;

/// <summary>
/// The sizes of the atomic-net world: the zone's min watermark, free pages in half-used movable pageblocks at
/// the start (the unmovable lists are empty), the most the application may free back, and the most slab pages
/// the NIC holds at once.
/// </summary>
public sealed record NetAtomicWorldConfig(int Min, int StartFreeMovable, int MovableMax, int NicMax)
{
    /// <summary>
    /// S7 small form shrunk: min 8 (the smallest where GFP_ATOMIC's 3/8 of min is exact in the kernel's integer
    /// halving and quartering), 12 free movable pages (up to 16), the NIC holding up to 4 slab pages.
    /// </summary>
    public static NetAtomicWorldConfig Small { get; } = new(8, 12, 16, 4);

    public void Validate()
    {
        if (Min is < 1 or > 15 || StartFreeMovable < 0 || StartFreeMovable > MovableMax || MovableMax > 31 || NicMax is < 1 or > 7 || NicMax + MovableMax > 31)
        {
            throw new ArgumentException($"atomic-net world out of range: {this}");
        }
    }
}
