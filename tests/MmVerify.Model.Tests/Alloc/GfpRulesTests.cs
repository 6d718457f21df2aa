using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Topology;

namespace MmVerify.Model.Tests.Alloc;

/// <summary>gfp_migratetype, gfp_zone and gfp_to_alloc_flags on the cases the watermark tests leave out.</summary>
public class GfpRulesTests
{
    [Fact]
    public void With_mobility_grouping_disabled_every_request_is_unmovable()
    {
        // gfp_migratetype: "if (unlikely(page_group_by_mobility_disabled)) return MIGRATE_UNMOVABLE;".
        // Kills: the early return's block removal / condition negation.
        Assert.Equal(MigrateType.Unmovable, GfpRules.GfpMigratetype(Gfp.Gfp.HighUserMovable, pageGroupByMobilityDisabled: true));
        Assert.Equal(MigrateType.Unmovable, GfpRules.GfpMigratetype(Gfp.Gfp.Kernel | GfpFlags.Reclaimable, pageGroupByMobilityDisabled: true));
        Assert.Equal(MigrateType.Movable, GfpRules.GfpMigratetype(Gfp.Gfp.HighUserMovable, pageGroupByMobilityDisabled: false));
    }

    [Fact]
    public void HIGHMEM_alone_is_NORMAL_on_x86_64()
    {
        // gfp_zone: OPT_ZONE_HIGHMEM is ZONE_NORMAL without CONFIG_HIGHMEM; only MOVABLE|HIGHMEM gives MOVABLE.
        // Kills: "Movable != 0 && HighMem != 0" -> "||" (HIGHMEM alone would give MOVABLE).
        Assert.Equal(ZoneKind.Normal, GfpRules.GfpZone(GfpFlags.HighMem));
        Assert.Equal(ZoneKind.Normal, GfpRules.GfpZone(Gfp.Gfp.User | GfpFlags.HighMem));
        Assert.Equal(ZoneKind.Movable, GfpRules.GfpZone(GfpFlags.HighMem | GfpFlags.Movable));
    }

    [Fact]
    public void GFP_NOWAIT_is_non_blocking_but_keeps_the_cpuset_and_gets_no_highatomic()
    {
        // gfp_to_alloc_flags: no DIRECT_RECLAIM -> NON_BLOCK; no __GFP_HIGH -> no MIN_RESERVE, so the cpuset
        // stays and order 3 gets no HIGHATOMIC (KERNEL.md 4.3). GFP_NOWAIT = KSWAPD_RECLAIM | NOWARN.
        // Kills: "(flags & MinReserve) != 0" -> "== 0" at the cpuset rule (CPUSET would be cleared);
        // "order > 0 && MinReserve" -> "||" (HIGHATOMIC would be added).
        var expected = AllocFlags.WmarkMin | AllocFlags.Cpuset | AllocFlags.NonBlock | AllocFlags.Kswapd;
        Assert.Equal(expected, GfpRules.GfpToAllocFlags(Gfp.Gfp.NoWait, 0, defragMode: false));
        Assert.Equal(expected, GfpRules.GfpToAllocFlags(Gfp.Gfp.NoWait, 3, defragMode: false));
    }

    [Fact]
    public void GFP_ATOMIC_order_1_is_the_smallest_order_with_highatomic()
    {
        // order > 0 and MIN_RESERVE: HIGHATOMIC; the cpuset is dropped (MIN_RESERVE, non-blocking).
        // Kills: "order > 0" -> "order < 0" (order 1 would lose HIGHATOMIC).
        Assert.Equal(
            AllocFlags.WmarkMin | AllocFlags.MinReserve | AllocFlags.NonBlock | AllocFlags.HighAtomic | AllocFlags.Kswapd,
            GfpRules.GfpToAllocFlags(Gfp.Gfp.Atomic, 1, defragMode: false));
    }

    [Fact]
    public void GFP_ATOMIC_with_NOMEMALLOC_gets_no_non_block_or_highatomic_but_still_ignores_the_cpuset()
    {
        // "Not worth trying to allocate harder for __GFP_NOMEMALLOC": no NON_BLOCK, no HIGHATOMIC; the cpuset
        // rule depends on MIN_RESERVE only, outside the NOMEMALLOC test.
        // Kills: "(gfp & NoMemAlloc) == 0" -> "!= 0"; moving/removing the cpuset rule.
        Assert.Equal(
            AllocFlags.WmarkMin | AllocFlags.MinReserve | AllocFlags.Kswapd,
            GfpRules.GfpToAllocFlags(Gfp.Gfp.Atomic | GfpFlags.NoMemAlloc, 2, defragMode: false));
    }

    [Fact]
    public void A_blocking_high_request_keeps_the_cpuset_and_is_not_non_blocking()
    {
        // GFP_KERNEL | __GFP_HIGH: MIN_RESERVE from __GFP_HIGH, but it can block: no NON_BLOCK, no HIGHATOMIC,
        // cpuset kept; rt_task adds nothing new. Kills: "(gfp & DirectReclaim) == 0" -> "!= 0".
        var expected = AllocFlags.WmarkMin | AllocFlags.Cpuset | AllocFlags.MinReserve | AllocFlags.Kswapd;
        Assert.Equal(expected, GfpRules.GfpToAllocFlags(Gfp.Gfp.Kernel | GfpFlags.High, 2, defragMode: false));
        Assert.Equal(expected, GfpRules.GfpToAllocFlags(Gfp.Gfp.Kernel | GfpFlags.High, 2, defragMode: false, rtTask: true));
    }

    [Fact]
    public void A_realtime_task_gets_no_min_reserve_for_a_non_blocking_request()
    {
        // The rt_task rule is the "else" of the non-blocking branch: GFP_NOWAIT from an RT task gets no MIN_RESERVE.
        // Kills: the "else if (rtTask)" being applied regardless of the branch.
        Assert.Equal(
            AllocFlags.WmarkMin | AllocFlags.Cpuset | AllocFlags.NonBlock | AllocFlags.Kswapd,
            GfpRules.GfpToAllocFlags(Gfp.Gfp.NoWait, 0, defragMode: false, rtTask: true));
    }

    [Fact]
    public void Without_defrag_mode_there_is_no_NOFRAGMENT_and_unmovable_requests_get_no_CMA()
    {
        // Kills: "if (defragMode)" negated; "GfpMigratetype(gfp) == Movable" -> "!=".
        Assert.Equal(AllocFlags.WmarkMin | AllocFlags.Cpuset | AllocFlags.Kswapd | AllocFlags.Cma,
            GfpRules.GfpToAllocFlags(Gfp.Gfp.HighUserMovable, 0, defragMode: false));
        Assert.Equal(AllocFlags.WmarkMin | AllocFlags.Cpuset | AllocFlags.Kswapd | AllocFlags.NoFragment,
            GfpRules.GfpToAllocFlags(Gfp.Gfp.Kernel, 0, defragMode: true));
    }
}
