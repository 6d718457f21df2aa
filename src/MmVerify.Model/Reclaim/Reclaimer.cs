namespace MmVerify.Model.Reclaim;

/// <summary>Who is reclaiming: picks the pgscan_*/pgsteal_* counters and the clear_hopeless reason.</summary>
public enum Reclaimer : byte
{
    Kswapd,
    Direct,

    /// <summary>memory.high / memory.max reclaim: counted as _direct by the kernel, traced as memcg reclaim.</summary>
    Memcg,
}
