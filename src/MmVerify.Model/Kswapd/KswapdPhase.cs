namespace MmVerify.Model.Kswapd;

/// <summary>Where the kswapd thread is in its main loop (kswapd(), mm/vmscan.c).</summary>
public enum KswapdPhase : byte
{
    /// <summary>Top of the loop: about to read kswapd_order and try to sleep.</summary>
    TopOfLoop,

    /// <summary>kswapd_try_to_sleep, stage 1: the HZ/10 nap on kswapd_wait.</summary>
    Napping,

    /// <summary>kswapd_try_to_sleep, stage 2: asleep on kswapd_wait until woken.</summary>
    Sleeping,

    /// <summary>Woken: about to consume kswapd_order and start balance_pgdat.</summary>
    Waking,

    /// <summary>Inside balance_pgdat, between two priority iterations.</summary>
    Balancing,

    /// <summary>balance_pgdat returned a lower order than asked: back to try_sleep with the same alloc_order.</summary>
    TrySleepAgain,
}
