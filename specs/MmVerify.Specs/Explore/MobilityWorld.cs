using MmVerify.Engine.Explore;
using MmVerify.Model.Buddy;
using MmVerify.Model.Sim;
using MmVerify.Model.Topology;
using MmVerify.Model.Variants;

namespace MmVerify.Specs.Explore;

/// <summary>
/// The explicit-state world of S5 (defrag-mode-thp-kbuild): four pageblocks of BlockPages pages, unmovable
/// (compiler slab, dentries) and movable (anon, page cache) order-0 allocations and frees. An allocation takes a
/// free page of its own type; else __rmqueue()'s fallback claims a completely free pageblock of the other type,
/// or, only without ALLOC_NOFRAGMENT (defrag_mode off), steals one page from the other type's block with the
/// most free pages, mixing it. With defrag_mode the allocation fails here and wakes kswapd at the order the
/// variant's <see cref="IDefragModePolicy.KswapdWakeOrder"/> gives (called on a World booted with the variant,
/// whose policy turns defrag_mode on). Abstractions: no watermarks, no reclaim or compaction (frees are the
/// tasks' own), order 0 only (the THP faults are the wakeups' reason, not modelled as blocks).
/// </summary>
public sealed class MobilityWorld : IExploreWorld
{
    private readonly bool _defragMode;
    private readonly int _wakeOrder;
    private readonly int _pageblockOrder;

    public MobilityWorld(MobilityWorldConfig config, KernelPolicy policy)
    {
        config.Validate();
        Config = config;
        Policy = policy;
        var world = BootWorld(policy);
        _defragMode = world.Sysctls.DefragMode;
        _pageblockOrder = world.Machine.Geometry.PageblockOrder;
        _wakeOrder = policy.DefragMode.KswapdWakeOrder(world, 0);
        Initial = new MobilityState(config.Start, false).Pack();
    }

    public MobilityWorldConfig Config { get; }

    public KernelPolicy Policy { get; }

    public ulong Initial { get; }

    public int MaxSuccessors => 6;

    public IReadOnlyList<string> PropertyIds => MobilityExploreProperties.Ids;

    public IReadOnlyList<(string Name, long Value)> Sizes =>
        [("block_pages", Config.BlockPages), .. Config.Start.Select((b, i) => ($"block{i}", (long)b.Pack()))];

    public IEnumerable<int> Actions => Enumerable.Range(0, 6);

    public ExploreProperty Property(string id) => MobilityExploreProperties.For(id, this);

    public int Successors(ulong state, Span<Step> into)
    {
        var s = MobilityState.Unpack(state);
        var k = 0;
        for (var a = 0; a < 6; a++)
        {
            if (Apply(s, a) is { } next && next.Pack() != state)
            {
                into[k++] = new Step(a, next.Pack());
            }
        }

        return k;
    }

    public string ActionName(int action) => action switch
    {
        0 => "alloc-unmovable",
        1 => "alloc-movable",
        2 => "free-unmovable-own-block",
        3 => "free-movable-own-block",
        4 => "free-unmovable-from-mixed",
        _ => "free-movable-from-mixed",
    };

    public string Describe(ulong state)
    {
        var s = MobilityState.Unpack(state);
        return string.Join(" ", s.Blocks.Select(b => $"[{(b.Type == 0 ? "U" : "M")} free={b.Free}{(b.Foreign > 0 ? $" foreign={b.Foreign}" : "")}]"))
            + (s.WokeLow ? $" (kswapd woken at order {_wakeOrder})" : "");
    }

    /// <summary>Whether defrag_mode is on for the variant, and the wakeup order it gives an order-0 failure, against pageblock_order.</summary>
    public (bool DefragMode, int WakeOrder, int PageblockOrder) Wake => (_defragMode, _wakeOrder, _pageblockOrder);

    public MobilityState? Apply(MobilityState s, int action)
    {
        var blocks = s.Blocks.ToArray();
        var type = action % 2;
        return action switch
        {
            0 or 1 => Allocate(blocks, type),
            2 or 3 => Change(blocks, b => b.Type == type && Config.BlockPages - b.Free - b.Foreign > 0, b => b with { Free = b.Free + 1 }),
            _ => Change(blocks, b => b.Type != type && b.Foreign > 0, b => b with { Free = b.Free + 1, Foreign = b.Foreign - 1 }),
        };
    }

    // mirrors __rmqueue(), mm/page_alloc.c, v7.2, for order 0: own type first, then CLAIM a whole free block of another
    // type, then (without ALLOC_NOFRAGMENT) STEAL from the fullest-free block of another type
    private MobilityState? Allocate(Pageblock[] blocks, int type)
    {
        if (Change(blocks, b => b.Type == type && b.Free > 0, b => b with { Free = b.Free - 1 }) is { } own)
        {
            return own;
        }

        if (Change(blocks, b => b.Type != type && b.Free == Config.BlockPages, b => new Pageblock(type, b.Free - 1, 0)) is { } claimed)
        {
            return claimed;
        }

        var victim = Array.FindIndex(blocks, b => b.Type != type && b.Free > 0 && b.Free == blocks.Where(x => x.Type != type).Max(x => x.Free));
        if (!_defragMode && victim >= 0)
        {
            blocks[victim] = blocks[victim] with { Free = blocks[victim].Free - 1, Foreign = blocks[victim].Foreign + 1 };
            return new MobilityState(blocks, false);
        }

        // the allocation fails here (no reclaim modelled) after wake_all_kswapds() at the variant's order
        return new MobilityState(blocks, _defragMode && _wakeOrder < _pageblockOrder);
    }

    private static MobilityState? Change(Pageblock[] blocks, Func<Pageblock, bool> where, Func<Pageblock, Pageblock> to)
    {
        var i = Array.FindIndex(blocks, b => where(b));
        if (i < 0)
        {
            return null;
        }

        var copy = blocks.ToArray();
        copy[i] = to(copy[i]);
        return new MobilityState(copy, false);
    }

    /// <summary>KswapdWakeOrder reads vm.defrag_mode and pageblock_order: a one-zone World booted once with the variant (which may force defrag_mode).</summary>
    private static World BootWorld(KernelPolicy policy)
    {
        var spec = new MachineSpec([new NodeSpec(0, [ZoneSpec.Flat(ZoneKind.Normal, 0, 4096)])]);
        var machine = Machine.Boot(spec, new VmSysctls { PerCpuPages = false }, BuddyGeometry.X86_64);
        return new World(machine, policy);
    }
}
