using MmVerify.Model.Buddy;
using MmVerify.Model.Lru;
using MmVerify.Model.Tests.Support;

namespace MmVerify.Model.Tests.Lru;

// checks struct lruvec's list heads and lruvec_lru_size() sums (include/linux/mmzone.h, mm/vmscan.c)
public class LruvecTests
{
    private static NodeLru NewLru() => new([Toy.Zone(64, new BuddyGeometry(4, 2))], 1);

    [Fact]
    public void File_and_anon_pages_are_the_sums_of_their_inactive_and_active_lists()
    {
        var lru = NewLru();
        lru.Add(new FolioRef(0, 0), 2, LruList.InactiveFile, 0, 0, LruFlags.None);
        lru.Add(new FolioRef(0, 4), 0, LruList.ActiveFile, 0, 0, LruFlags.None);
        lru.Add(new FolioRef(0, 8), 1, LruList.ActiveAnon, 0, 0, LruFlags.None);

        // file: 4 + 1 pages; anon: 0 + 2 pages
        Assert.Equal((5, 2), (lru.Lruvec(0).FilePages, lru.Lruvec(0).AnonPages));
    }

    [Fact]
    public void A_clone_keeps_the_list_heads_so_new_folios_join_the_existing_list()
    {
        var lru = NewLru();
        lru.Add(new FolioRef(0, 0), 0, LruList.InactiveFile, 0, 0, LruFlags.None);
        lru.Add(new FolioRef(0, 4), 0, LruList.InactiveFile, 0, 0, LruFlags.None);

        var copy = lru.Clone();
        copy.Add(new FolioRef(0, 8), 0, LruList.InactiveFile, 0, 0, LruFlags.None);

        // Walk from the tail (the oldest): 0, 4, then the new 8 at the head.
        var tail = copy.TailOf(0, LruList.InactiveFile)!.Value;
        var middle = copy.PrevOf(tail)!.Value;
        Assert.Equal((0, 4), (tail.Page, middle.Page));
        Assert.Equal(8, copy.PrevOf(middle)!.Value.Page);
        Assert.Null(copy.PrevOf(new FolioRef(0, 8)));
    }
}
