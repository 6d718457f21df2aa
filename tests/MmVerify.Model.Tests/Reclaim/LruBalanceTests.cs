using MmVerify.Model.Lru;
using MmVerify.Model.Reclaim;

namespace MmVerify.Model.Tests.Reclaim;

public class LruBalanceTests
{
    private static Lruvec Sized(long inactive, long active)
    {
        var lruvec = new Lruvec(0);
        lruvec.Pages[(int)LruList.InactiveFile] = inactive;
        lruvec.Pages[(int)LruList.ActiveFile] = active;
        return lruvec;
    }

    [Fact]
    public void Below_one_GiB_the_inactive_list_is_low_when_smaller_than_the_active_list()
    {
        Assert.True(Vmscan.InactiveIsLow(Sized(10, 11), LruList.InactiveFile));
        Assert.False(Vmscan.InactiveIsLow(Sized(11, 11), LruList.InactiveFile));
    }

    [Fact]
    public void From_one_GiB_the_inactive_list_may_be_smaller_by_sqrt_of_ten_times_the_GiB()
    {
        // 400,000 pages is 1 GiB (>> 18 gives 1): ratio int_sqrt(10) = 3, so 100,000 inactive against 300,000 active is not low.
        Assert.False(Vmscan.InactiveIsLow(Sized(100_000, 300_000), LruList.InactiveFile));
        Assert.True(Vmscan.InactiveIsLow(Sized(100_000, 300_001), LruList.InactiveFile));

        // 4 GiB (1,050,000 pages >> 18): int_sqrt(40) = 6.
        Assert.False(Vmscan.InactiveIsLow(Sized(150_000, 900_000), LruList.InactiveFile));
        Assert.True(Vmscan.InactiveIsLow(Sized(150_000, 900_001), LruList.InactiveFile));
    }
}
