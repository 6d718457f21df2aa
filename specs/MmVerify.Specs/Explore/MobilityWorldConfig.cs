namespace MmVerify.Specs.Explore;

/// <summary>The sizes of the mobility world: pages per pageblock and the four pageblocks at the start.</summary>
public sealed record MobilityWorldConfig(int BlockPages, IReadOnlyList<Pageblock> Start)
{
    /// <summary>
    /// S5 small form shrunk to four 4-page pageblocks: two unmovable (one free page, none), two movable (two free
    /// pages, and one completely free block): the build's slab and page-cache churn meets a THP-sized free block.
    /// </summary>
    public static MobilityWorldConfig Small { get; } = new(4, [new(0, 1, 0), new(0, 0, 0), new(1, 2, 0), new(1, 4, 0)]);

    public void Validate()
    {
        if (BlockPages is < 1 or > 7 || Start.Count != MobilityState.Count
            || Start.Any(b => b.Type is < 0 or > 1 || b.Free < 0 || b.Foreign < 0 || b.Free + b.Foreign > BlockPages))
        {
            throw new ArgumentException($"mobility world out of range: {this}");
        }
    }
}
