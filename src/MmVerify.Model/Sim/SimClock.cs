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

    /// <summary>How long the machine had been up when the simulation starts (ns).</summary>
    public long UptimeAtStartNs { get; init; }

    /// <summary>Jiffies since the simulation started.</summary>
    public long Jiffies => NowNs / NsPerJiffy;

    /// <summary>
    /// The kernel's jiffies: INITIAL_JIFFIES (-300 * HZ, so that the counter wraps five minutes after
    /// boot) plus the uptime in ticks, as a wrapping 64-bit unsigned value.
    /// </summary>
    public ulong KernelJiffies => unchecked((ulong)(-300L * Hz) + (ulong)((UptimeAtStartNs + NowNs) / NsPerJiffy));

    // mirrors time_after(), include/linux/jiffies.h: a is after b, across wrap-around
    public static bool TimeAfter(ulong a, ulong b) => unchecked((long)(b - a)) < 0;

    public long NsPerJiffy => 1_000_000_000L / Hz;

    public long JiffiesToNs(long jiffies) => jiffies * NsPerJiffy;

    public SimClock Clone() => new(Hz) { NowNs = NowNs, UptimeAtStartNs = UptimeAtStartNs };
}
