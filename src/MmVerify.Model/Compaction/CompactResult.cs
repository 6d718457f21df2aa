namespace MmVerify.Model.Compaction;

// mirrors enum compact_result, include/linux/compaction.h, v7.2 (names as the tracepoints print them)
public enum CompactResult
{
    NotSuitableZone,
    Skipped,
    Deferred,
    NoSuitablePage,
    Continue,
    Complete,
    PartialSkipped,
    Contended,
    Success,
}
