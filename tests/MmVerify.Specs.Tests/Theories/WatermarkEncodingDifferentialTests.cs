using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Watermarks;
using MmVerify.Specs.Theories;
using MmVerify.Specs.Theories.Encodings;
using Xunit.Abstractions;
using static MmVerify.Specs.Tests.Theories.Differential;

namespace MmVerify.Specs.Tests.Theories;

/// <summary>The watermark encodings agree with the model's functions on random inputs over the theories' ranges.</summary>
public sealed class WatermarkEncodingDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void Setup_per_zone_wmarks_encoding_agrees_with_the_model()
    {
        var x = WmarkSetupInputs.Vars();
        var w = WmarkSetupEncoding.Setup(x);
        Check(output, "__setup_per_zone_wmarks", [w.Min, w.Low, w.High, w.Promo, WmarkSetupEncoding.ProductWraps(x, w)],
            rng =>
            {
                var lowmemZone = rng.Next(2) == 0;
                var managed = Spread(rng, WmarkSetupInputs.MaxZonePages, 1);
                var lowmem = lowmemZone ? managed + Spread(rng, 3 * WmarkSetupInputs.MaxZonePages) : Spread(rng, 4 * WmarkSetupInputs.MaxZonePages, 1);
                return new()
                {
                    ["min_free_kbytes"] = Spread(rng, int.MaxValue),
                    ["managed"] = managed,
                    ["lowmem_pages"] = lowmem,
                    ["watermark_scale_factor"] = Spread(rng, 3000, 1),
                    ["lowmem_zone"] = Bool(lowmemZone),
                };
            },
            v =>
            {
                var (mfk, managed, lowmem) = ((long)v["min_free_kbytes"], (long)v["managed"], (long)v["lowmem_pages"]);
                var m = ModelCalls.Setup(mfk, managed, lowmem, (long)v["watermark_scale_factor"], v["lowmem_zone"] != 0);
                var wraps = (UInt128)(ulong)(mfk >> 2) * (ulong)managed >= (UInt128.One << 64);
                return [W64(m.Min), W64(m.Low), W64(m.High), W64(m.Promo), Bool(wraps)];
            });
    }

    [Fact]
    public void Lowmem_reserve_encoding_agrees_with_the_model()
    {
        var x = LowmemReserveInputs.Vars();
        Check(output, "setup_per_zone_lowmem_reserve", LowmemReserveEncoding.Reserves(x),
            rng => new()
            {
                ["ratio"] = Int(rng.Next(4) == 0 ? rng.Next(int.MinValue, 2) : (long)Spread(rng, int.MaxValue, 1)),
                ["zone_managed"] = Int((long)Spread(rng, WmarkSetupInputs.MaxZonePages)),
                ["upper1_managed"] = Int((long)Spread(rng, WmarkSetupInputs.MaxZonePages)),
                ["upper2_managed"] = Int((long)Spread(rng, WmarkSetupInputs.MaxZonePages)),
                ["upper3_managed"] = Int((long)Spread(rng, WmarkSetupInputs.MaxZonePages)),
            },
            v => [.. ModelCalls.LowmemReserve((int)Signed(v["ratio"]), Signed(v["zone_managed"]), Signed(v["upper1_managed"]), Signed(v["upper2_managed"]), Signed(v["upper3_managed"])).Select(Int)]);
    }

    [Fact]
    public void Zone_watermark_ok_encoding_agrees_with_the_model_for_every_flag_set()
    {
        var x = WmarkCheckInputs.Vars();
        Check(output, "__zone_watermark_ok", [WmarkCheckEncoding.WatermarkOk(x), WmarkCheckEncoding.ReservedMin(x.Mark, x.Flags, string.Empty), WmarkCheckEncoding.UnusableFree(x, string.Empty)],
            rng =>
            {
                var mark = (long)Spread(rng, WmarkCheckInputs.MaxPages);
                var input = new Dictionary<string, UInt128>
                {
                    ["order"] = Int(rng.Next(0, WmarkCheckInputs.MaxPageOrder + 1)),
                    ["mark"] = Int(mark),
                    ["lowmem_reserve"] = Int(rng.Next(3) == 0 ? 0 : (long)Spread(rng, WmarkCheckInputs.MaxPages)),
                    // Free pages near the mark half of the time, so that both outcomes are common.
                    ["free_pages"] = Int(rng.Next(2) == 0 ? Math.Clamp(mark + rng.Next(-2000, 2000), 0, WmarkCheckInputs.MaxPages) : (long)Spread(rng, WmarkCheckInputs.MaxPages)),
                    ["nr_free_highatomic"] = Int(rng.Next(2) == 0 ? 0 : rng.Next(0, 4096)),
                    ["nr_free_cma"] = Int(rng.Next(2) == 0 ? 0 : rng.Next(0, 4096)),
                };
                for (var b = 0; b < WmarkCheckInputs.FlagBits; b++)
                {
                    input[WmarkCheckInputs.FlagName(b)] = Bool(rng.Next(2) == 0);
                }

                var density = rng.NextDouble() * 0.3;
                for (var o = 0; o <= WmarkCheckInputs.MaxPageOrder; o++)
                {
                    for (var t = 0; t < MigrateTypes.Count; t++)
                    {
                        input[$"area_{o}_{(MigrateType)t}"] = Bool(rng.NextDouble() < density);
                    }
                }

                return input;
            },
            v =>
            {
                var flags = AllocFlags.None;
                for (var b = 0; b < WmarkCheckInputs.FlagBits; b++)
                {
                    flags |= v[WmarkCheckInputs.FlagName(b)] != 0 ? (AllocFlags)(1u << b) : 0;
                }

                UInt128 areas = 0;
                for (var o = 0; o <= WmarkCheckInputs.MaxPageOrder; o++)
                {
                    for (var t = 0; t < MigrateTypes.Count; t++)
                    {
                        areas |= v[$"area_{o}_{(MigrateType)t}"] != 0 ? UInt128.One << FreeAreaBits.Bit(o, (MigrateType)t) : 0;
                    }
                }

                var (order, mark) = ((int)Signed(v["order"]), Signed(v["mark"]));
                var (ha, cma) = (Signed(v["nr_free_highatomic"]), Signed(v["nr_free_cma"]));
                var ok = ModelCheckCalls.WatermarkOk(order, mark, Signed(v["lowmem_reserve"]), flags, Signed(v["free_pages"]), ha, cma, areas);
                return [Bool(ok), Int(WatermarkCheck.ReservedMin(mark, flags)), Int(WatermarkCheck.UnusableFree(order, flags, ha, cma))];
            });
    }

    [Theory]
    [InlineData(false, AtomicBoostTheory.AtomicSlowPath)]
    [InlineData(true, AtomicBoostTheory.AtomicSlowPath)]
    [InlineData(false, AllocFlags.MinReserve | AllocFlags.WmarkLow)]
    [InlineData(false, AllocFlags.Cma | AllocFlags.WmarkMin)]
    public void Zone_watermark_fast_encoding_agrees_with_the_model_for_both_boost_policies(bool bug, AllocFlags flags)
    {
        Model.Variants.IAtomicMinBoostPolicy policy = bug ? new Model.Variants.BoostAppliesAtMin() : new Model.Variants.IgnoreBoostAtMinForHighOrder0();
        var x = WmarkFastEncoding.Order0(flags);
        var (rawMin, boost) = (Engine.Smt.T.IntVar("raw_min"), Engine.Smt.T.IntVar("watermark_boost"));
        Check(output, "zone_watermark_fast", [WmarkFastEncoding.WatermarkFast(policy, flags, x, rawMin, boost)],
            rng =>
            {
                var min = (long)Spread(rng, 1L << 30);
                var b = rng.Next(3) == 0 ? 0 : (long)Spread(rng, 1L << 30);
                var input = new Dictionary<string, UInt128>
                {
                    ["raw_min"] = Int(min),
                    ["watermark_boost"] = Int(b),
                    ["mark"] = Int(min + b),
                    ["lowmem_reserve"] = Int(rng.Next(3) == 0 ? 0 : rng.Next(0, 4096)),
                    ["free_pages"] = Int(Math.Max(0, min + rng.Next(-4000, 4000) + (rng.Next(2) == 0 ? 0 : b))),
                    ["nr_free_highatomic"] = Int(rng.Next(2) == 0 ? 0 : rng.Next(0, 4096)),
                    ["nr_free_cma"] = Int(rng.Next(2) == 0 ? 0 : rng.Next(0, 4096)),
                };
                for (var o = 0; o <= WmarkCheckInputs.MaxPageOrder; o++)
                {
                    for (var t = 0; t < MigrateTypes.Count; t++)
                    {
                        input[$"area_{o}_{(MigrateType)t}"] = Bool(false);
                    }
                }

                return input;
            },
            v =>
            {
                var ok = WatermarkCheck.WatermarkFast(new FreeAreaBits(0), 0, Signed(v["mark"]), Signed(v["raw_min"]), Signed(v["watermark_boost"]), Signed(v["lowmem_reserve"]),
                    flags, Signed(v["free_pages"]), Signed(v["nr_free_highatomic"]), Signed(v["nr_free_cma"]), policy);
                return [Bool(ok)];
            });
    }

    [Fact]
    public void Free_area_bits_read_as_the_zone_reads_its_lists()
    {
        var areas = new FreeAreaBits((UInt128.One << FreeAreaBits.Bit(3, MigrateType.Cma)) | (UInt128.One << FreeAreaBits.Bit(10, MigrateType.Movable)));
        Assert.Equal(0, areas.NrFree(2));
        Assert.NotEqual(0, areas.NrFree(3));
        Assert.False(areas.FreeAreaEmpty(3, MigrateType.Cma));
        Assert.True(areas.FreeAreaEmpty(3, MigrateType.Movable));
        Assert.False(areas.FreeAreaEmpty(10, MigrateType.Movable));

        // An order-3 request passes with ALLOC_CMA on the CMA block, and without it on the order-10 movable block.
        Assert.True(WatermarkCheck.WatermarkOk(areas, 3, 10, 0, AllocFlags.Cma, 1000, 0, 0));
        Assert.True(WatermarkCheck.WatermarkOk(areas, 3, 10, 0, AllocFlags.None, 1000, 0, 0));
        var cmaOnly = new FreeAreaBits(UInt128.One << FreeAreaBits.Bit(3, MigrateType.Cma));
        Assert.False(WatermarkCheck.WatermarkOk(cmaOnly, 3, 10, 0, AllocFlags.None, 1000, 0, 0));
    }
}
