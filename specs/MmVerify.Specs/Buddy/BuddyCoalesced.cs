using MmVerify.Engine.Properties;
using MmVerify.Model.Buddy;
using MmVerify.Model.Topology;
using MmVerify.Specs.Workloads;

namespace MmVerify.Specs.Buddy;

/// <summary>
/// buddy.coalesced: no two free buddies are left unmerged where the kernel would merge them.
/// The kernel merges only when a block is freed, so the check has two parts:
/// an invariant below pageblock order (within a pageblock every free buddy pair merges, whatever
/// the types), and, after each free, the freed block's final buddy is not a block it could still
/// merge with. At pageblock order and above a later type change (releasing a highatomic reserve)
/// may legitimately leave a pair unmerged, exactly as in the kernel.
/// </summary>
public sealed class BuddyCoalesced : IInvariant<Machine>, IStepProperty<BuddyWorld, BuddyOp>
{
    public static PropertyInfo Property { get; } = new(
        "buddy.coalesced",
        "No two free buddies are left unmerged where __free_one_page would merge them: none below pageblock order, and none right after a free at any order unless a pageblock-type rule forbids the merge.",
        "Unmerged buddies waste high-order blocks: high-order allocations and watermark checks fail while the memory is in fact free and contiguous.",
        "KERNEL.md 1.5 (__free_one_page merge rules)");

    public PropertyInfo Info => Property;

    public string? Check(Machine state)
    {
        foreach (var zone in state.Zones)
        {
            foreach (var block in zone.Blocks())
            {
                if (block.State != PageState.FreeHead || block.Order >= zone.Geometry.PageblockOrder)
                {
                    continue;
                }

                var buddy = BuddyOf(zone, block.Index, block.Order);
                if (buddy is { } b && b > block.Index && IsFreeOfOrder(zone, b, block.Order))
                {
                    return Describe(zone, block.Index, b, block.Order);
                }
            }
        }

        return null;
    }

    public Func<BuddyWorld, string?>? Before(BuddyWorld state, BuddyOp action)
    {
        if (action is not BuddyOp.Free free || state.Target(free) is not { } target)
        {
            return null;
        }

        return after => CheckFreedBlock(target.Zone, target.Index);
    }

    private static string? CheckFreedBlock(Zone zone, int index)
    {
        if (!FindFreeBlock(zone, index, out var head, out var order) || order >= zone.Geometry.MaxPageOrder)
        {
            return null;
        }

        if (BuddyOf(zone, head, order) is not { } buddy || !IsFreeOfOrder(zone, buddy, order))
        {
            return null;
        }

        if (order >= zone.Geometry.PageblockOrder)
        {
            var mt = zone.PageblockMigratetypeOfPage(head);
            var buddyMt = zone.PageblockMigratetypeOfPage(buddy);
            if (mt != buddyMt && (!MigrateTypes.IsMergeable(mt) || !MigrateTypes.IsMergeable(buddyMt)))
            {
                return null;
            }
        }

        return "after the free of pfn 0x" + zone.PfnOf(index).ToString("x") + ": " + Describe(zone, head, buddy, order);
    }

    // The free block that now holds the page: the kernel's PageBuddy head covering it.
    private static bool FindFreeBlock(Zone zone, int index, out int head, out int order)
    {
        var pfn = zone.PfnOf(index);
        for (order = zone.Geometry.MaxPageOrder; order >= 0; order--)
        {
            head = (int)((pfn & ~((1L << order) - 1)) - zone.StartPfn);
            if (head >= 0 && zone.StateAt(head) == PageState.FreeHead && zone.OrderAt(head) == order)
            {
                return true;
            }
        }

        head = -1;
        return false;
    }

    private static int? BuddyOf(Zone zone, int index, int order)
    {
        var buddy = (zone.PfnOf(index) ^ (1L << order)) - zone.StartPfn;
        return buddy >= 0 && buddy < zone.SpannedPages ? (int)buddy : null;
    }

    private static bool IsFreeOfOrder(Zone zone, int index, int order) =>
        zone.StateAt(index) == PageState.FreeHead && zone.OrderAt(index) == order;

    private static string Describe(Zone zone, int a, int b, int order) =>
        $"node {zone.NodeId} zone {zone.Name}: free order-{order} buddies at pfn 0x{zone.PfnOf(a):x} and 0x{zone.PfnOf(b):x} are not merged";
}
