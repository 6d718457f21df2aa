using MmVerify.Model.Alloc;
using MmVerify.Model.Gfp;
using MmVerify.Model.Kswapd;
using MmVerify.Model.Sim;
using MmVerify.Model.Trace;
using MmVerify.Model.Watermarks;

namespace MmVerify.Model.Variants;

/// <summary>What the seed-002 patches share: their trigger and their trace.</summary>
public abstract class AutotuneBase : IReserveTuningPolicy
{
    /// <summary>The patches' test "(gfp_mask &amp; GFP_ATOMIC) &amp;&amp; order == 0": any common bit, so GFP_KERNEL and GFP_NOWAIT match too.</summary>
    public static bool Triggers(GfpFlags gfp, int order) => (gfp & Gfp.Gfp.Atomic) != 0 && order == 0;

    public abstract void OnAllocationFailure(World world, GfpFlags gfp, int order, int nid);

    public virtual void OnBalanceEnd(World world, int nid)
    {
    }

    public virtual void OnTick(World world)
    {
    }

    protected static void Record(World world, string action, int nid = -1, int zid = -1, long boost = 0, GfpFlags gfp = GfpFlags.None, int order = -1)
    {
        if (action == "trigger")
        {
            world.PolicyState.TuneActions++;
        }

        if (world.Trace.Enabled)
        {
            world.Trace.Emit(new AutotuneEvent(world.NowNs, "kworker/0:1", 30, action, world.Sysctls.MinFreeKbytes, nid, zid, boost) { Gfp = gfp, Order = order });
        }
    }

    protected static long TotalKbytes(World world) => world.Machine.Spec.TotalRamPages << 2;

    /// <summary>What the patches write: min_free_kbytes and user_min_free_kbytes, then setup_per_zone_wmarks().</summary>
    protected static void SetMinFreeKbytes(World world, long kbytes)
    {
        if (world.PolicyState.InitialMinFreeKbytes < 0)
        {
            world.PolicyState.InitialMinFreeKbytes = world.Sysctls.MinFreeKbytes;
        }

        world.Sysctls.MinFreeKbytes = kbytes;
        world.Sysctls.UserMinFreeKbytes = Math.Max(world.Sysctls.UserMinFreeKbytes, kbytes);
        world.Machine.SetupPerZoneWmarks();
        world.PolicyState.LastChangeNs = world.NowNs;
    }
}

// seed 002 v1 (wujing, Jan 2026): double min_free_kbytes on an atomic failure, capped at 1% of RAM;
// no debounce (schedule_work coalesces only a pending run), no decay
public sealed class AutotuneV1 : AutotuneBase
{
    public override void OnAllocationFailure(World world, GfpFlags gfp, int order, int nid)
    {
        if (!Triggers(gfp, order))
        {
            return;
        }

        // schedule_work(): the work runs (and is a tuning action) even when it changes nothing.
        Record(world, "trigger", gfp: gfp, order: order);
        var current = world.Sysctls.MinFreeKbytes;
        var next = NextMinFreeKbytes(unchecked((int)current), (ulong)world.Machine.Spec.TotalRamPages);
        if (next > current)
        {
            SetMinFreeKbytes(world, next);
            Record(world, "min_free_kbytes_double");
        }
    }

    // mirrors boost_min_free_kbytes_workfn() of the v1 patch (seed 002): C int arithmetic, wrapping as the
    // kernel compiles it (-fno-strict-overflow); the int cap truncates total_kbytes / 100 to 32 bits
    public static int NextMinFreeKbytes(int minFreeKbytes, ulong totalramPages)
    {
        var totalKbytes = totalramPages << 2;
        var maxLimit = unchecked((int)(totalKbytes / 100));
        var newMin = unchecked(minFreeKbytes * 2);
        if (newMin > maxLimit)
        {
            newMin = maxLimit;
        }

        return newMin > minFreeKbytes ? newMin : minFreeKbytes;
    }
}

// seed 002 v2 (cover letter): +50% with a 10 s global debounce, decaying 5% every 5 minutes to a floor
// of 1.2x the initial value (the v2 code is not in the thread: the description is followed, cap kept from v1)
public sealed class AutotuneV2 : AutotuneBase
{
    private const long DecayIntervalNs = 300_000_000_000;

    public override void OnAllocationFailure(World world, GfpFlags gfp, int order, int nid)
    {
        if (!Triggers(gfp, order) || !Debounced(world))
        {
            return;
        }

        Record(world, "trigger", gfp: gfp, order: order);
        var next = RaisedMinFreeKbytes(world.Sysctls.MinFreeKbytes, TotalKbytes(world));
        if (next > world.Sysctls.MinFreeKbytes)
        {
            SetMinFreeKbytes(world, next);
            Record(world, "min_free_kbytes_raise");
        }
    }

    public override void OnTick(World world)
    {
        var initial = world.PolicyState.InitialMinFreeKbytes;
        if (initial < 0 || world.NowNs - world.PolicyState.LastChangeNs < DecayIntervalNs)
        {
            return;
        }

        var next = DecayedMinFreeKbytes(world.Sysctls.MinFreeKbytes, initial);
        if (next < world.Sysctls.MinFreeKbytes)
        {
            SetMinFreeKbytes(world, next);
            Record(world, "min_free_kbytes_decay");
        }
    }

    // the v2 raise as described (seed 002): +50%, capped at 1% of RAM as in v1; the v2 code is not in the
    // thread, so the C types are unknown: computed in 64 bits here (no int overflow claimed)
    public static long RaisedMinFreeKbytes(long minFreeKbytes, long totalKbytes) => Math.Min(minFreeKbytes * 3 / 2, totalKbytes / 100);

    // the v2 decay as described (seed 002): -5% every 5 minutes, never below 1.2x the value before tuning
    public static long DecayedMinFreeKbytes(long minFreeKbytes, long initialMinFreeKbytes) =>
        Math.Max(minFreeKbytes * 95 / 100, initialMinFreeKbytes * 12 / 10);

    // the v2/v3 debounce: time_after(jiffies, last + msecs_to_jiffies(10000)) on unsigned long jiffies
    public static bool DebounceAllows(ulong nowJiffies, ulong lastJiffies, int hz) =>
        SimClock.TimeAfter(nowJiffies, unchecked(lastJiffies + (ulong)(10 * hz)));

    // the same on a 32-bit kernel, where unsigned long is 32 bits wide
    public static bool DebounceAllows32(uint nowJiffies, uint lastJiffies, int hz) =>
        SimClock.TimeAfter32(nowJiffies, unchecked(lastJiffies + (uint)(10 * hz)));

    // time_after(jiffies, last + msecs_to_jiffies(10000)), with last starting at 0 as a static
    internal static bool Debounced(World world)
    {
        var now = world.Clock.KernelJiffies;
        if (!DebounceAllows(now, world.PolicyState.LastTuneJiffies, world.Clock.Hz))
        {
            return false;
        }

        world.PolicyState.LastTuneJiffies = now;
        return true;
    }
}

// seed 002 v3 (wujing, Jan 2026): on an atomic failure, boost_watermark() every zone of the zonelist and
// wake kswapd, at most once per 10 s; kswapd's normal boosted reclaim makes the boost decay
public sealed class AutotuneV3 : AutotuneBase
{
    public override void OnAllocationFailure(World world, GfpFlags gfp, int order, int nid)
    {
        if (!Triggers(gfp, order) || !AutotuneV2.Debounced(world))
        {
            return;
        }

        Record(world, "trigger", gfp: gfp, order: order);
        for (var n = 0; n < world.Nodes.Count; n++)
        {
            var node = Zonelist.NodeAt(nid, n);
            var highest = Zonelist.HighestZoneIndex(world, node, gfp);
            var zones = world.ZonesOf(node);
            for (var z = highest; z >= 0; z--)
            {
                if (!zones[z].IsPopulated || !WatermarkBoosting.BoostWatermark(zones[z]))
                {
                    continue;
                }

                Record(world, "boost", node, z, zones[z].WatermarkBoost);
                KswapdFunctions.WakeupKswapd(world, node, z, gfp, 0, highest, "kworker/0:1", 30);
            }
        }
    }
}
