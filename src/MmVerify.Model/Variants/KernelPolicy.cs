namespace MmVerify.Model.Variants;

/// <summary>Where a variant comes from: the baseline tree or the patch, with its source.</summary>
public sealed record Provenance(string Name, string Title, string Source, string Version);

/// <summary>
/// A baseline kernel plus patches, as the policies at every named point. Built by VariantCatalog
/// from a name such as linux-6.12+reset-when-balanced.
/// </summary>
public sealed record KernelPolicy
{
    public required string Name { get; init; }

    public required IReadOnlyList<Provenance> Provenance { get; init; }

    public required IHopelessResetPolicy HopelessReset { get; init; }

    public required ICompactGapPolicy CompactGap { get; init; }

    public required IKswapdFailurePolicy FailureCount { get; init; }

    public required IKswapdOrderDropPolicy OrderDrop { get; init; }

    public required INetFragPolicy NetFrag { get; init; }

    public required IKswapdWakePolicy KswapdWake { get; init; }

    public required IDefragModePolicy DefragMode { get; init; }

    public required IDefragFallbackPolicy DefragFallback { get; init; }

    public required IReserveTuningPolicy ReserveTuning { get; init; }

    public required IAtomicMinBoostPolicy AtomicMinBoost { get; init; }

    /// <summary>The PCP-free revival of a hopeless node (≈v6.18, Chanwon Park): absent in 6.12.</summary>
    public bool PcpRevivesHopeless { get; init; }

    /// <summary>Applies the variant's boot-time effects (a patch that turns its mode on).</summary>
    internal void Boot(Sim.World world)
    {
        if (DefragMode.ForcesDefragMode)
        {
            world.Sysctls.DefragMode = true;
        }
    }
}

/// <summary>Mutable state some policies keep (debounce timestamps, the tuned value's baseline).</summary>
public sealed class PolicyState
{
    /// <summary>The debounce timestamp in kernel jiffies (static unsigned long, initially 0 as in the patches).</summary>
    public ulong LastTuneJiffies { get; set; }

    /// <summary>When min_free_kbytes last changed (simulated ns), for v2's decay clock.</summary>
    public long LastChangeNs { get; set; } = long.MinValue;

    public long InitialMinFreeKbytes { get; set; } = -1;

    public long TuneActions { get; set; }

    public PolicyState Clone() => (PolicyState)MemberwiseClone();
}
