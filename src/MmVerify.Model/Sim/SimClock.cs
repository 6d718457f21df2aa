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
    public ulong KernelJiffies => unchecked(InitialJiffies(Hz) + (ulong)((UptimeAtStartNs + NowNs) / NsPerJiffy));

    /// <summary>
    /// INITIAL_JIFFIES as this model uses it on a 64-bit kernel: -300 * HZ as a 64-bit value. Unsure: the
    /// kernel's include/linux/jiffies.h casts through unsigned int first, which on 64-bit would start at
    /// 2^32 - 300 * HZ instead (no wrap five minutes after boot); KERNEL.md does not say. The SMT theory
    /// checks the debounce under both readings.
    /// </summary>
    public static ulong InitialJiffies(int hz) => unchecked((ulong)(-300L * hz));

    /// <summary>INITIAL_JIFFIES on a 32-bit kernel: -300 * HZ as a 32-bit value (both readings agree).</summary>
    public static uint InitialJiffies32(int hz) => unchecked((uint)(-300 * hz));

    // mirrors time_after(), include/linux/jiffies.h: a is after b, across wrap-around
    public static bool TimeAfter(ulong a, ulong b) => unchecked((long)(b - a)) < 0;

    // mirrors time_after(), include/linux/jiffies.h, on a 32-bit kernel (unsigned long is 32 bits)
    public static bool TimeAfter32(uint a, uint b) => unchecked((int)(b - a)) < 0;

    public long NsPerJiffy => 1_000_000_000L / Hz;

    public long JiffiesToNs(long jiffies) => jiffies * NsPerJiffy;

    public SimClock Clone() => new(Hz) { NowNs = NowNs, UptimeAtStartNs = UptimeAtStartNs };
}
