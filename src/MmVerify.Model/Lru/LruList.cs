namespace MmVerify.Model.Lru;

// mirrors enum lru_list, include/linux/mmzone.h, v7.2; Slab stands for the shrinkers' reclaimable objects
public enum LruList : byte
{
    InactiveAnon = 0,
    ActiveAnon = 1,
    InactiveFile = 2,
    ActiveFile = 3,
    Unevictable = 4,

    /// <summary>Reclaimable slab (dentries, inodes): freed by shrink_slab, not by LRU scanning.</summary>
    Slab = 5,
}

public static class LruLists
{
    public const int Count = 6;

    public static bool IsFile(LruList l) => l is LruList.InactiveFile or LruList.ActiveFile;

    public static bool IsActive(LruList l) => l is LruList.ActiveAnon or LruList.ActiveFile;
}
