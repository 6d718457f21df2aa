using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Specs.Workloads;

namespace MmVerify.Model.Tests.Properties;

/// <summary>
/// Buddy allocators with one deliberate defect each, kept in the tests to show that every buddy
/// property can fail. Each uses the model's own list primitives and differs from the kernel in one rule.
/// </summary>
internal abstract class FaultyBuddyOps : IBuddyOps
{
    public int Rmqueue(Zone zone, int order, MigrateType mt, AllocFlags allocFlags, PageOwner owner) =>
        zone.Rmqueue(order, mt, allocFlags, owner);

    public abstract void FreePages(Zone zone, int index, int order);

    /// <summary>Frees without looking for the buddy: __free_one_page with the merge loop removed.</summary>
    public sealed class NoMerge : FaultyBuddyOps
    {
        public override void FreePages(Zone zone, int index, int order)
        {
            zone.TakeAllocatedHead(index, order);
            var piece = Math.Min(order, zone.Geometry.PageblockOrder);
            for (var i = index; i < index + (1 << order); i += 1 << piece)
            {
                var mt = zone.PageblockMigratetypeOfPage(i);
                zone.AccountFreepages(1L << piece, mt);
                zone.AddToFreeList(i, piece, mt, tail: false);
            }
        }
    }

    /// <summary>Frees and merges correctly but skips account_freepages(): NR_FREE_PAGES drifts from the lists.</summary>
    public sealed class NoAccounting : FaultyBuddyOps
    {
        public override void FreePages(Zone zone, int index, int order)
        {
            var mt = zone.PageblockMigratetypeOfPage(index);
            zone.FreePages(index, order);
            zone.AccountFreepages(-(1L << order), mt);
        }
    }

    /// <summary>Merges but keeps the freed page as the head: forgets "page + (combined_pfn - pfn)".</summary>
    public sealed class MergeKeepsOwnHead : FaultyBuddyOps
    {
        public override void FreePages(Zone zone, int index, int order)
        {
            // The defect is in the merge below pageblock order; larger frees take the model's path.
            if (order >= zone.Geometry.PageblockOrder)
            {
                zone.FreePages(index, order);
                return;
            }

            zone.TakeAllocatedHead(index, order);
            var mt = zone.PageblockMigratetypeOfPage(index);
            zone.AccountFreepages(1L << order, mt);
            while (order < zone.Geometry.PageblockOrder)
            {
                var buddy = zone.BuddyIndex(index, order);
                if (!zone.PageIsBuddy(buddy, order))
                {
                    break;
                }

                zone.DelFromFreeList(buddy, order, zone.ListTypeAt(buddy));
                order++;
            }

            zone.AddToFreeList(index, order, mt, tail: false);
        }
    }
}
