using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;

namespace MmVerify.Model.Compaction;

// mirrors struct compact_control, mm/internal.h, v7.2 (the fields the model uses)
public sealed class CompactControl
{
    public required int Nid { get; init; }

    public required int ZoneIndex { get; init; }

    public required int Order { get; init; }

    public required MigrateType MigrateType { get; init; }

    public AllocFlags AllocFlags { get; init; }

    public int HighestZoneidx { get; init; }

    /// <summary>MIGRATE_ASYNC (true) or SYNC_LIGHT/SYNC (false).</summary>
    public bool Async { get; init; }

    /// <summary>cc->ignore_skip_hint: SYNC_FULL direct compaction scans everything.</summary>
    public bool IgnoreSkipHint { get; init; }

    /// <summary>Direct compaction by an allocating task (false for kcompactd).</summary>
    public bool Direct { get; init; }

    public long MigrateScanned { get; set; }

    public long FreeScanned { get; set; }

    public long Migrated { get; set; }

    public long CostNs { get; set; }
}
