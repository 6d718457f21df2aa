using MmVerify.Model.Sim;
using MmVerify.Model.Tests.Support;
using MmVerify.Model.Trace;

// Not MmVerify.Model.Tests.Variants: that namespace would hide MmVerify.Model.Variants from the tests that
// name it as Variants.X.
namespace MmVerify.Model.Tests.VariantPolicies;

/// <summary>
/// Worlds for the seed-002 auto-tuning patches: one 64 MiB Normal zone (1% of RAM is 655 kB) with a trace
/// buffer, the clock at 320 s, past the wrap of INITIAL_JIFFIES (-300 * HZ) and the 10 s debounce that
/// starts from the patches' static 0.
/// </summary>
internal static class AutotuneWorlds
{
    public const long OpenNs = 320_000_000_000;

    /// <summary>The patches' decay period: 5 minutes.</summary>
    public const long DecayNs = 300_000_000_000;

    public static World World(string patch, long minFreeKbytes)
    {
        var world = Worlds.OneZone("linux-7.2+" + patch, minFreeKbytes: minFreeKbytes, trace: new TraceBuffer());
        world.Clock.NowNs = OpenNs;
        return world;
    }

    public static string[] Actions(World world) =>
        ((TraceBuffer)world.Trace).Events.OfType<AutotuneEvent>().Select(e => e.Action).ToArray();
}
