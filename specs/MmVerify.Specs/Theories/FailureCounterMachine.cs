using MmVerify.Model.Kswapd;
using MmVerify.Model.Reclaim;
using MmVerify.Model.Variants;

namespace MmVerify.Specs.Theories;

/// <summary>What happens to a node in one step of the failure-counter machine.</summary>
public enum CounterEvent
{
    /// <summary>kswapd runs balance_pgdat() (only when woken: a hopeless node's kswapd is not).</summary>
    KswapdRun = 0,

    /// <summary>Direct reclaim (an allocation's slow path) runs shrink_node() on the node.</summary>
    DirectReclaim = 1,

    /// <summary>memcg memory.high reclaim runs shrink_node() on the node.</summary>
    MemcgReclaim = 2,

    /// <summary>Pages are freed to the node's per-CPU lists (free_frozen_page_commit()).</summary>
    PcpFree = 3,
}

/// <summary>One step: the event, whether it reclaimed anything, whether kswapd's run was boosted, whether the node is balanced.</summary>
public readonly record struct CounterInput(CounterEvent Event, bool Reclaimed, bool Boosted, bool Balanced);

/// <summary>
/// The kswapd_failures machine of a variant, driven by the variant's own policy objects (what counts as a
/// failure, when progress clears the counter, whether PCP frees revive a hopeless node). The SMT theory is
/// encoded from the same policies and its counterexamples are replayed here.
/// </summary>
public sealed class FailureCounterMachine(KernelPolicy policy)
{
    public int Failures { get; private set; }

    public bool Hopeless => Failures >= KswapdFunctions.MaxReclaimRetries;

    public static bool IsFutileRun(bool hopeless, CounterInput input) =>
        input.Event == CounterEvent.KswapdRun && !hopeless && !input.Reclaimed && !input.Boosted && !input.Balanced;

    public static Reclaimer ReclaimerOf(CounterEvent e) => e switch
    {
        CounterEvent.KswapdRun => Reclaimer.Kswapd,
        CounterEvent.MemcgReclaim => Reclaimer.Memcg,
        _ => Reclaimer.Direct,
    };

    public FailureCounterMachine WithFailures(int failures)
    {
        Failures = failures;
        return this;
    }

    public void Step(CounterInput input)
    {
        switch (input.Event)
        {
            case CounterEvent.KswapdRun when !Hopeless:
                // mirrors balance_pgdat(), mm/vmscan.c: shrink_node()'s reset on progress, then the failure count if unbalanced
                if (input.Reclaimed && policy.HopelessReset.ClearsOnProgress(Reclaimer.Kswapd, input.Balanced))
                {
                    Failures = 0;
                }

                if (!input.Balanced && policy.FailureCount.CountsAsFailure(input.Reclaimed ? 1 : 0, input.Boosted))
                {
                    Failures++;
                }

                break;
            case CounterEvent.DirectReclaim or CounterEvent.MemcgReclaim:
                // mirrors shrink_node(), mm/vmscan.c: progress may clear the counter
                if (input.Reclaimed && policy.HopelessReset.ClearsOnProgress(ReclaimerOf(input.Event), input.Balanced))
                {
                    Failures = 0;
                }

                break;
            case CounterEvent.PcpFree:
                // mirrors free_frozen_page_commit(), mm/page_alloc.c (≈v6.18): a hopeless node is revived
                if (policy.PcpRevivesHopeless && Hopeless)
                {
                    Failures = 0;
                }

                break;
        }
    }
}
