namespace MmVerify.Model.Sim;

/// <summary>Deterministic simulated time in nanoseconds, read as jiffies at a configurable HZ.</summary>
public sealed class SimClock
{
    public SimClock(int hz = 250)
    {
        if (hz is < 1 or > 10000)
        {
            throw new ArgumentOutOfRangeException(nameof(hz), "HZ must be in 1..10000");
        }

        Hz = hz;
    }

    public int Hz { get; }

    public long NowNs { get; internal set; }

    /// <summary>jiffies, starting at 0 (the kernel starts at INITIAL_JIFFIES; nothing here depends on wrap-around).</summary>
    public long Jiffies => NowNs / NsPerJiffy;

    public long NsPerJiffy => 1_000_000_000L / Hz;

    public long JiffiesToNs(long jiffies) => jiffies * NsPerJiffy;

    public SimClock Clone() => new(Hz) { NowNs = NowNs };
}
