namespace MmVerify.Model.Sim;

/// <summary>The /proc/vmstat event counters the model keeps (names as the kernel prints them).</summary>
public enum VmEvent
{
    PgallocDma,
    PgallocDma32,
    PgallocNormal,
    PgallocMovable,
    Pgfree,
    AllocstallDma,
    AllocstallDma32,
    AllocstallNormal,
    AllocstallMovable,
    PgscanKswapd,
    PgscanDirect,
    PgstealKswapd,
    PgstealDirect,
    PgscanAnon,
    PgscanFile,
    PgstealAnon,
    PgstealFile,
    Pgactivate,
    Pgdeactivate,
    Pgrotated,
    SlabsScanned,
    WorkingsetRefaultAnon,
    WorkingsetRefaultFile,
    Pswpout,
    Pageoutrun,
    KswapdLowWmarkHitQuickly,
    KswapdHighWmarkHitQuickly,
    CompactMigrateScanned,
    CompactFreeScanned,
    CompactIsolated,
    CompactStall,
    CompactFail,
    CompactSuccess,
    CompactDaemonWake,
    CompactDaemonMigrateScanned,
    CompactDaemonFreeScanned,
    PgmigrateSuccess,
    OomKill,
    AllocFailure,
    ThpFaultAlloc,
    ThpFaultFallback,
    NetFragOrder3,
    NetFragOrder0,
    AllocLivelock,
}

public static class VmEvents
{
    /// <summary>The kernel's name for the counter (snake_case of the enum name).</summary>
    public static string Name(VmEvent e) => e switch
    {
        VmEvent.PgallocDma32 => "pgalloc_dma32",
        VmEvent.AllocstallDma32 => "allocstall_dma32",
        VmEvent.AllocFailure => "mmverify_alloc_failure",
        VmEvent.NetFragOrder3 => "mmverify_net_frag_order3",
        VmEvent.NetFragOrder0 => "mmverify_net_frag_order0",
        VmEvent.AllocLivelock => "mmverify_alloc_livelock",
        _ => SnakeCase(e.ToString()),
    };

    private static string SnakeCase(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}

/// <summary>Counters of /proc/vmstat, indexed by VmEvent.</summary>
public sealed class VmCounters
{
    private readonly long[] _values = new long[Enum.GetValues<VmEvent>().Length];

    public long this[VmEvent e] => _values[(int)e];

    public void Count(VmEvent e, long delta = 1) => _values[(int)e] += delta;

    /// <summary>Name-value pairs in enum order (deterministic).</summary>
    public IEnumerable<KeyValuePair<string, long>> All() =>
        Enum.GetValues<VmEvent>().Select(e => new KeyValuePair<string, long>(VmEvents.Name(e), _values[(int)e]));

    public VmCounters Clone()
    {
        var copy = new VmCounters();
        _values.CopyTo(copy._values, 0);
        return copy;
    }
}
