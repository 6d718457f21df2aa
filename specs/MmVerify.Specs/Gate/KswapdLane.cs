using MmVerify.Model.Kswapd;

namespace MmVerify.Specs.Gate;

/// <summary>What a kswapd thread is doing, coarsely: the three states a report draws.</summary>
public enum KswapdLaneState
{
    /// <summary>Stage 2 of kswapd_try_to_sleep(): asleep on kswapd_wait until woken.</summary>
    Asleep,

    /// <summary>Stage 1: the HZ/10 nap (the "short sleep" that P-SLEEP does not count as sleeping).</summary>
    Napping,

    /// <summary>Anywhere else in the kswapd() loop, mostly balance_pgdat().</summary>
    Running,
}

/// <summary>kswapd of node Nid entered State at TimeNs (simulated).</summary>
public sealed record KswapdLaneChange(long TimeNs, int Nid, KswapdLaneState State)
{
    public static KswapdLaneState Of(KswapdPhase phase) => phase switch
    {
        KswapdPhase.Sleeping => KswapdLaneState.Asleep,
        KswapdPhase.Napping => KswapdLaneState.Napping,
        _ => KswapdLaneState.Running,
    };
}

/// <summary>
/// boost_watermark() raised a zone's watermark_boost (the kernel has no tracepoint for it, so the runner
/// watches the field). Zone is the index into Machine.Zones.
/// </summary>
public sealed record BoostRaise(long TimeNs, int Zone, long Boost);
