using MmVerify.Engine.Smt;
using MmVerify.Model.Sim;
using MmVerify.Model.Variants;
using MmVerify.Model.Watermarks;
using MmVerify.Specs.Theories.Encodings;
using Xunit.Abstractions;
using static MmVerify.Specs.Tests.Theories.Differential;

namespace MmVerify.Specs.Tests.Theories;

/// <summary>The boost, seed-002 auto-tuning and debounce encodings agree with the model on random inputs.</summary>
public sealed class TuningEncodingDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void Boost_watermark_encoding_agrees_with_the_model()
    {
        var x = BoostInputs.Vars();
        var start = Bv.Var("boost_at_start");
        Check(output, "boost_watermark", [BoostEncoding.NextBoost(x), BoostEncoding.MaxBoost(x), BoostEncoding.BoostAfterRun(x.Boost, start), Bv.MultFrac(x.RawHigh, x.Factor, 10000)],
            rng => new()
            {
                ["boost"] = Spread(rng, 4 * BoostInputs.MaxHigh),
                ["watermark_boost_factor"] = rng.Next(3) == 0 ? 15000u : Spread(rng, int.MaxValue),
                ["pageblock_order"] = (ulong)rng.Next(0, 11),
                ["managed"] = Spread(rng, 1UL << 40, 1),
                ["wmark_high"] = Spread(rng, BoostInputs.MaxHigh),
                ["boost_at_start"] = Spread(rng, 4 * BoostInputs.MaxHigh),
            },
            v =>
            {
                var (boost, factor, pb, managed, high) = ((long)v["boost"], (long)v["watermark_boost_factor"], 1L << (int)v["pageblock_order"], (long)v["managed"], (long)v["wmark_high"]);
                var next = WatermarkBoosting.NextBoost(boost, factor, pb, managed, high);
                return [W64(next < 0 ? boost : next), W64(WatermarkBoosting.MaxBoost(high, factor, pb)), W64(WatermarkBoosting.BoostAfterRun(boost, (long)v["boost_at_start"])), W64(KernelMath.MultFrac(high, factor, 10000))];
            });
    }

    [Fact]
    public void Autotune_v1_encoding_agrees_with_the_model_including_int_overflow()
    {
        var mfk = T.BvVar("min_free_kbytes", 32);
        var pages = Bv.Var("totalram_pages");
        Check(output, "autotune v1", [AutotuneEncoding.V1Next(mfk, pages)],
            rng => new()
            {
                ["min_free_kbytes"] = Spread(rng, int.MaxValue),
                ["totalram_pages"] = Spread(rng, AutotuneEncoding.MaxRamPages, 1),
            },
            v => [W32(AutotuneV1.NextMinFreeKbytes((int)(uint)v["min_free_kbytes"], (ulong)v["totalram_pages"]))]);
    }

    [Fact]
    public void Autotune_v2_encoding_agrees_with_the_model()
    {
        var (cur, initial, total) = (Bv.Var("min_free_kbytes"), Bv.Var("initial_min_free_kbytes"), Bv.Var("total_kbytes"));
        Check(output, "autotune v2", [AutotuneEncoding.V2Raise(cur, total), AutotuneEncoding.V2Decay(cur, initial), AutotuneEncoding.V2Floor(initial)],
            rng => new()
            {
                ["min_free_kbytes"] = Spread(rng, AutotuneEncoding.MaxRamPages << 2),
                ["initial_min_free_kbytes"] = Spread(rng, AutotuneEncoding.MaxRamPages << 2),
                ["total_kbytes"] = Spread(rng, AutotuneEncoding.MaxRamPages << 2),
            },
            v =>
            {
                var (c, i, t) = ((long)v["min_free_kbytes"], (long)v["initial_min_free_kbytes"], (long)v["total_kbytes"]);
                return [W64(AutotuneV2.RaisedMinFreeKbytes(c, t)), W64(AutotuneV2.DecayedMinFreeKbytes(c, i)), W64(i * 12 / 10)];
            });
    }

    [Theory]
    [InlineData(32)]
    [InlineData(64)]
    public void Debounce_encoding_agrees_with_the_model_across_the_wrap(int bits)
    {
        var (now, last, hz) = (T.BvVar("now", bits), T.BvVar("last", bits), T.BvVar("hz", bits));
        var hzs = new[] { 100, 250, 300, 1000 };
        var mask = bits == 32 ? uint.MaxValue : ulong.MaxValue;
        Check(output, $"debounce ({bits}-bit)", [DebounceEncoding.Allows(now, last, hz), DebounceEncoding.InitialJiffies(hz)],
            rng =>
            {
                var h = hzs[rng.Next(hzs.Length)];
                var l = Spread(rng, mask);
                // Around the last trigger, around the 10 s window, and around half the counter range.
                var delta = rng.Next(3) switch
                {
                    0 => (ulong)rng.Next(0, 20 * h),
                    1 => (mask >> 1) + (ulong)rng.Next(-20 * h, 20 * h),
                    _ => Spread(rng, mask),
                };
                return new() { ["now"] = unchecked(l + delta) & mask, ["last"] = l, ["hz"] = (ulong)h };
            },
            v =>
            {
                var h = (int)v["hz"];
                var allows = bits == 32
                    ? AutotuneV2.DebounceAllows32((uint)v["now"], (uint)v["last"], h)
                    : AutotuneV2.DebounceAllows((ulong)v["now"], (ulong)v["last"], h);
                UInt128 initial = bits == 32 ? SimClock.InitialJiffies32(h) : SimClock.InitialJiffies(h);
                return [Bool(allows), initial];
            });
    }

    [Fact]
    public void The_unsigned_int_reading_of_INITIAL_JIFFIES_starts_below_2_to_the_32_on_64_bit()
    {
        var hz = Bv.Var("hz");
        var v = TermEvaluator.Eval(DebounceEncoding.InitialJiffiesViaUInt(hz), new Dictionary<string, UInt128> { ["hz"] = 250 });
        Assert.Equal((UInt128)((1UL << 32) - (300 * 250)), v);
        Assert.Equal(ulong.MaxValue - (300 * 250) + 1, SimClock.InitialJiffies(250));
    }
}
