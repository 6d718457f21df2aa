using MmVerify.Model.Sim;

namespace MmVerify.Model.Tests.SimTests;

// checks the model's jiffies clock: HZ, INITIAL_JIFFIES and time_after(), include/linux/jiffies.h
public class SimClockTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(10000)]
    public void HZ_at_either_end_of_1_to_10000_is_accepted(int hz)
    {
        Assert.Equal(hz, new SimClock(hz).Hz);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10001)]
    public void HZ_outside_1_to_10000_is_rejected(int hz)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SimClock(hz));
        Assert.Equal("hz", e.ParamName);
    }

    [Fact]
    public void Jiffies_count_whole_ticks_since_the_start()
    {
        // HZ 250: one jiffy is 4 ms, so 10 ms is 2 whole jiffies.
        var clock = new SimClock(250) { NowNs = 10_000_000 };

        Assert.Equal(2, clock.Jiffies);
    }

    [Theory]
    // INITIAL_JIFFIES = (unsigned int)(-300 * HZ): 2^32 - 75000 at HZ 250, 2^32 - 300000 at HZ 1000.
    [InlineData(250, 4294892296u)]
    [InlineData(1000, 4294667296u)]
    public void InitialJiffies32_is_minus_300_HZ_as_32_bits(int hz, uint expected)
    {
        Assert.Equal(expected, SimClock.InitialJiffies32(hz));
    }

    [Theory]
    // time_after(a, b) is ((long)((b) - (a)) < 0): strictly after, and correct across the wrap.
    [InlineData(6UL, 5UL, true)]
    [InlineData(5UL, 6UL, false)]
    [InlineData(5UL, 5UL, false)]
    [InlineData(5UL, ulong.MaxValue - 10, true)]
    public void TimeAfter_is_strict_and_wraps(ulong a, ulong b, bool expected)
    {
        Assert.Equal(expected, SimClock.TimeAfter(a, b));
    }

    [Theory]
    [InlineData(6u, 5u, true)]
    [InlineData(5u, 6u, false)]
    [InlineData(5u, 5u, false)]
    [InlineData(5u, uint.MaxValue - 10, true)]
    [InlineData(uint.MaxValue - 10, 5u, false)]
    public void TimeAfter32_is_strict_and_wraps_at_32_bits(uint a, uint b, bool expected)
    {
        Assert.Equal(expected, SimClock.TimeAfter32(a, b));
    }
}
