using MmVerify.Model.Kswapd;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Sim;

namespace MmVerify.Model.Variants;

// The README's walk-through patch: how a reviewer gates a proposal. Hypothetical, not from any thread:
// "let memory.high reclaim that makes progress revive a hopeless kswapd, so a container's own reclaim
// brings background reclaim back". The gate shows why that re-opens seed 001's livelock.

// mirrors kswapd_try_clear_hopeless(), mm/vmscan.c, v7.2, plus the proposed exemption for memcg (memory.high) reclaim
public sealed class ClearOnMemcgProgress : IHopelessResetPolicy
{
    public bool ShouldClear(World world, int nid, ScanControl sc) =>
        ClearsOnProgress(sc.Reclaimer, KswapdFunctions.PgdatBalanced(world, nid, sc.Order, sc.ReclaimIdx));

    public bool ClearsOnProgress(Reclaimer reclaimer, bool nodeBalanced) => reclaimer == Reclaimer.Memcg || nodeBalanced;
}
