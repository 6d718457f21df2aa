namespace MmVerify.Specs.Explore;

/// <summary>kswapd in the explicit world: asleep on kswapd_wait, woken (runnable), or inside balance_pgdat().</summary>
public enum KswapdRunPhase
{
    Asleep = 0,
    Awake = 1,
    Running = 2,
}
