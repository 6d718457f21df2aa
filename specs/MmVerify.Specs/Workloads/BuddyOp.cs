using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;

namespace MmVerify.Specs.Workloads;

/// <summary>One operation on the buddy allocator, as a generated workload issues it.</summary>
public abstract record BuddyOp
{
    /// <summary>rmqueue() in zone Zone (index into the machine's zones, modulo their count).</summary>
    public sealed record Alloc(int Zone, int Order, MigrateType Type, AllocFlags Flags, PageOwner Owner) : BuddyOp;

    /// <summary>Free the k-th live allocation (modulo their count); nothing if none.</summary>
    public sealed record Free(int Which) : BuddyOp;

    /// <summary>Isolate pageblock Pageblock of zone Zone (both modulo), as memory offlining does.</summary>
    public sealed record Isolate(int Zone, int Pageblock) : BuddyOp;

    /// <summary>Undo the isolation of a pageblock.</summary>
    public sealed record Unisolate(int Zone, int Pageblock) : BuddyOp;

    /// <summary>Release one HIGHATOMIC reserve of zone Zone to the requester type.</summary>
    public sealed record UnreserveHighatomic(int Zone, MigrateType Requester, bool Force) : BuddyOp;
}
