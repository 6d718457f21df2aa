namespace MmVerify.Model.Lru;

/// <summary>
/// A folio's address inside one node: zone index and zone-relative page index, packed into an int
/// so that LRU links stay small (zones up to 2^28 pages).
/// </summary>
public readonly record struct FolioRef(int ZoneIndex, int Page)
{
    private const int PageBits = 28;

    public const int None = -1;

    public int Key => (ZoneIndex << PageBits) | Page;

    public static FolioRef FromKey(int key) => new(key >> PageBits, key & ((1 << PageBits) - 1));
}
