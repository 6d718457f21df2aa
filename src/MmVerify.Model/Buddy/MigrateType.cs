namespace MmVerify.Model.Buddy;

// mirrors enum migratetype, include/linux/mmzone.h, v7.2 (CONFIG_CMA and CONFIG_MEMORY_ISOLATION on)
public enum MigrateType : byte
{
    Unmovable = 0,
    Movable = 1,
    Reclaimable = 2,
    HighAtomic = 3, // == MIGRATE_PCPTYPES: the first type not kept on per-CPU lists
    Cma = 4,
    Isolate = 5,
}

public static class MigrateTypes
{
    /// <summary>MIGRATE_TYPES: the number of free lists per order.</summary>
    public const int Count = 6;

    /// <summary>MIGRATE_PCPTYPES: types below this are "mergeable" and have fallbacks.</summary>
    public const int PcpTypes = 3;

    // mirrors migratetype_is_mergeable(), include/linux/mmzone.h, v7.2
    public static bool IsMergeable(MigrateType mt) => (int)mt < PcpTypes;

    /// <summary>The names /proc/pagetypeinfo prints (migratetype_names[], mm/page_alloc.c).</summary>
    public static string Name(MigrateType mt) => mt switch
    {
        MigrateType.Unmovable => "Unmovable",
        MigrateType.Movable => "Movable",
        MigrateType.Reclaimable => "Reclaimable",
        MigrateType.HighAtomic => "HighAtomic",
        MigrateType.Cma => "CMA",
        MigrateType.Isolate => "Isolate",
        _ => throw new ArgumentOutOfRangeException(nameof(mt)),
    };
}
