namespace MmVerify.Specs.Explore;

/// <summary>What may happen in the auto-tuning world in one step (action number = the value).</summary>
public enum TuneAction
{
    /// <summary>An order-0 GFP_ATOMIC allocation fails (a NIC burst): the patch's failure hook.</summary>
    AtomicFailure = 0,

    /// <summary>An order-0 GFP_NOWAIT allocation fails (the small form's control phase): the same hook.</summary>
    NowaitFailure = 1,

    /// <summary>One second passes (debounce and decay clocks; v2's decay work).</summary>
    Tick = 2,
}
