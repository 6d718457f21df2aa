using BenchmarkDotNet.Attributes;
using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Topology;

namespace MmVerify.Benchmarks;

/// <summary>
/// The page allocator's zone on a 1 GiB zone (262144 pages), with and without per-CPU lists. Figures are per operation: one
/// "pair" is an order-0 allocation plus its free; one churn op frees a block and allocates another.
/// MemoryDiagnoser shows that no operation allocates on the heap.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class BuddyBenchmarks
{
    private const int Pages = 1 << 18;
    private const int PairsPerInvoke = 4096;
    private const int ChurnSlots = 4096;

    private Zone _fresh = null!;
    private Zone _fragmented = null!;
    private Zone _churn = null!;
    private readonly int[] _slotPage = new int[ChurnSlots];
    private readonly int[] _slotOrder = new int[ChurnSlots];
    private readonly int[] _orders = new int[ChurnSlots];

    /// <summary>With the per-CPU lists (as the kernel runs) or straight to the buddy lists.</summary>
    [Params(true, false)]
    public bool PerCpuPages { get; set; }

    private Zone NewZone()
    {
        var spec = new MachineSpec([new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Normal, 0, Pages)])]);
        return Machine.Boot(spec, new VmSysctls { PerCpuPages = PerCpuPages }, BuddyGeometry.X86_64).Nodes[0].Zones[0];
    }

    [GlobalSetup]
    public void Setup()
    {
        // Every order-0 allocation splits an order-10 block and every free merges it back: the worst case.
        _fresh = NewZone();

        // Half the pages allocated, every other page: order-0 frees find their buddy busy, the common case.
        _fragmented = NewZone();
        for (var i = 0; i < Pages; i++)
        {
            _fragmented.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon);
        }

        for (var i = 0; i < Pages; i += 2)
        {
            _fragmented.FreePages(i, 0);
        }

        // Mixed orders (mostly 0, some 1-3, a few pageblock-sized) over a ring of live allocations.
        _churn = NewZone();
        var rng = new Random(42);
        for (var s = 0; s < ChurnSlots; s++)
        {
            var roll = rng.Next(100);
            _orders[s] = roll < 70 ? 0 : roll < 97 ? rng.Next(1, 4) : 9;
            _slotOrder[s] = _orders[s];
            _slotPage[s] = _churn.Rmqueue(_orders[s], MigrateType.Movable, AllocFlags.None, PageOwner.LruFile);
        }
    }

    [Benchmark(OperationsPerInvoke = PairsPerInvoke)]
    public int Order0PairsFreshZone() => Pairs(_fresh);

    [Benchmark(OperationsPerInvoke = PairsPerInvoke)]
    public int Order0PairsFragmentedZone() => Pairs(_fragmented);

    [Benchmark(OperationsPerInvoke = ChurnSlots)]
    public int MixedOrderChurn()
    {
        var zone = _churn;
        var sum = 0;
        for (var s = 0; s < ChurnSlots; s++)
        {
            zone.FreePages(_slotPage[s], _slotOrder[s]);
            var order = _orders[(s * 7) % ChurnSlots];
            var mt = (s & 3) == 0 ? MigrateType.Unmovable : MigrateType.Movable;
            var page = zone.Rmqueue(order, mt, AllocFlags.Kswapd, PageOwner.LruFile);
            _slotPage[s] = page;
            _slotOrder[s] = order;
            sum += page;
        }

        return sum;
    }

    private static int Pairs(Zone zone)
    {
        var sum = 0;
        for (var i = 0; i < PairsPerInvoke; i++)
        {
            var page = zone.Rmqueue(0, MigrateType.Movable, AllocFlags.None, PageOwner.LruAnon);
            zone.FreePages(page, 0);
            sum += page;
        }

        return sum;
    }
}
