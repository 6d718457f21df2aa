using MmVerify.Model.Sim;

namespace MmVerify.Model.Tests.SimTests;

// checks DetRandom, the model's SplitMix64 generator (Steele, Lea and Flood; Vigna's splitmix64.c)
public class DetRandomTests
{
    [Theory]
    // splitmix64.c's published outputs: seed 0 starts 0xe220a8397b1dcdaf, seed 1234567 starts 6457827717110365317.
    [InlineData(0UL, 0xE220A8397B1DCDAFUL, 0x6E789E6AA1B965F4UL)]
    [InlineData(1234567UL, 6457827717110365317UL, 3203168211198807973UL)]
    public void NextUInt64_yields_the_splitmix64_reference_sequence(ulong seed, ulong first, ulong second)
    {
        var random = new DetRandom(seed);

        Assert.Equal(first, random.NextUInt64());
        Assert.Equal(second, random.NextUInt64());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Next_of_an_empty_range_is_zero_and_draws_nothing(int bound)
    {
        // [0, bound) is empty: the answer is 0 without a draw (no division by zero), so the stream
        // still starts with seed 0's first output afterwards.
        var random = new DetRandom(0);

        Assert.Equal(0, random.Next(bound));
        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextUInt64());
    }

    [Fact]
    public void Next_reduces_the_draw_modulo_the_bound()
    {
        // 0xE220A8397B1DCDAF = 16294208416658607535, and that mod 1000 is 535.
        Assert.Equal(535, new DetRandom(0).Next(1000));
    }

    [Fact]
    public void Chance_is_false_when_the_uniform_draw_equals_p()
    {
        // The draw is the top 53 bits scaled to [0, 1); "true with probability p" means draw < p,
        // so a draw exactly equal to p is false and the next double above it is true.
        var p = (0xE220A8397B1DCDAFUL >> 11) * (1.0 / (1UL << 53));

        Assert.False(new DetRandom(0).Chance(p));
        Assert.True(new DetRandom(0).Chance(Math.BitIncrement(p)));
        Assert.False(new DetRandom(0).Chance(0));
    }
}
