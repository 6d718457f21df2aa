namespace MmVerify.Specs.Conformance;

/// <summary>What the trace so far says about kswapd of one node.</summary>
internal enum KswapdSeen
{
    /// <summary>Nothing seen yet (or lost events since): any next event is accepted.</summary>
    Unknown,

    /// <summary>After mm_vmscan_kswapd_sleep: kswapd waits on kswapd_wait.</summary>
    Asleep,

    /// <summary>After mm_vmscan_kswapd_wake, before its balance_pgdat run begins.</summary>
    Woken,

    /// <summary>Between mm_vmscan_balance_pgdat_begin and _end.</summary>
    Balancing,

    /// <summary>After balance_pgdat_end (or a wake, without balance tracepoints): trying to sleep.</summary>
    Awake,
}

/// <summary>The conformance checker's state of one node, and its last few events for context.</summary>
internal sealed class NodeTrace(int nid)
{
    private const int ContextSize = 5;
    private readonly Queue<TracePoint> _recent = new();

    public int Nid { get; } = nid;

    public KswapdSeen Kswapd { get; set; } = KswapdSeen.Unknown;

    /// <summary>kswapd_failures as the trace shows it; null until a reclaim_fail or clear_hopeless says.</summary>
    public int? Failures { get; set; }

    /// <summary>In the current balance_pgdat run: the line of a KSWAPD reset, and of a counted failure.</summary>
    public TracePoint? RunReset { get; set; }

    public TracePoint? RunFailure { get; set; }

    public IReadOnlyList<TracePoint> Recent => [.. _recent];

    public void Remember(TracePoint e)
    {
        _recent.Enqueue(e);
        if (_recent.Count > ContextSize)
        {
            _recent.Dequeue();
        }
    }

    /// <summary>After lost events nothing about the node is known any more.</summary>
    public void Forget()
    {
        Kswapd = KswapdSeen.Unknown;
        Failures = null;
        RunReset = null;
        RunFailure = null;
    }
}
