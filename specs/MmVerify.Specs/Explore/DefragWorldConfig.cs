namespace MmVerify.Specs.Explore;

/// <summary>
/// The sizes of the explicit-state defrag world: Pages in the zone, its min watermark, the free pages at the
/// start (below min: memory exhausted) and the pages an OOM kill frees (the victim hog's).
/// </summary>
public sealed record DefragWorldConfig(int Pages, int Min, int StartFree, int OomFrees)
{
    /// <summary>
    /// S6 (defrag-mode-oom-path) small form shrunk to 8 pages: swap off, nothing reclaimable, one hog faulting
    /// with min 2 and 1 page free; an OOM kill frees a victim's 4 pages.
    /// </summary>
    public static DefragWorldConfig Small { get; } = new(8, 2, 1, 4);

    public void Validate()
    {
        if (Pages is < 2 or > 63 || Min < 1 || Min >= Pages || StartFree < 0 || StartFree > Min || OomFrees < 1 || OomFrees > Pages)
        {
            throw new ArgumentException($"defrag world out of range: {this}");
        }
    }
}
