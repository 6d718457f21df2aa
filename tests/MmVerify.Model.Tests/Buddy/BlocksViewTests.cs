using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Buddy;

// checks Zone.Blocks(), the model's walk of a zone in pfn order (what /proc/pagetypeinfo-style renderers read):
// one entry per block head, one per page that is not part of a block
public class BlocksViewTests
{
    [Fact]
    public void A_zone_is_walked_block_by_block_with_reserved_pages_one_by_one()
    {
        // 16 pages, 14 managed: pages 0-1 are reserved; the rest boot as the largest aligned blocks
        // 2 (order 1), 4 (order 2), 8 (order 3). Taking order 0 splits 2 into the allocated 2 and free 3.
        var zone = Toy.Zone(16, new BuddyGeometry(3, 2), managed: 14);
        Assert.Equal(2, zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon));

        var blocks = zone.Blocks().Select(b => (b.Index, b.Order, b.State, b.Owner)).ToArray();

        Assert.Equal(
            [
                (0, 0, PageState.Reserved, PageOwner.None),
                (1, 0, PageState.Reserved, PageOwner.None),
                (2, 0, PageState.AllocatedHead, PageOwner.LruAnon),
                (3, 0, PageState.FreeHead, PageOwner.None),
                (4, 2, PageState.FreeHead, PageOwner.None),
                (8, 3, PageState.FreeHead, PageOwner.None),
            ],
            blocks);
    }
}
