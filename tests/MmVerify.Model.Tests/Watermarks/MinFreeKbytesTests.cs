using MmVerify.Model.Topology;
using MmVerify.Model.Watermarks;

namespace MmVerify.Model.Tests.Watermarks;

// checks calculate_min_free_kbytes(), mm/page_alloc.c: int_sqrt(lowmem_kbytes * 16), clamped to 128..262144,
// taken only when above user_min_free_kbytes (-1 at boot)
public class MinFreeKbytesTests
{
    [Theory]
    [InlineData(511, 512)]   // 4096 pages = 16384 KiB: sqrt(262144) = 512 > 511, taken
    [InlineData(512, 1000)]  // equal to the user's value: the current value stays
    [InlineData(513, 1000)]
    public void The_computed_value_must_exceed_the_users(long userMinFreeKbytes, long expected)
    {
        Assert.Equal(expected, WatermarkSetup.CalculateMinFreeKbytes(4096, userMinFreeKbytes, 1000));
    }

    [Fact]
    public void At_boot_even_zero_lowmem_gives_the_floor_because_the_user_value_is_minus_one()
    {
        // int_sqrt(0) = 0 > -1: clamped up to 128, not left at the initial 1024.
        var machine = new MachineSpec([new NodeSpec(0, [ZoneSpec.Empty(ZoneKind.Normal)])]);

        Assert.Equal(128, WatermarkSetup.DefaultMinFreeKbytes(machine, thpEnabled: false, 10, 512));
    }
}
