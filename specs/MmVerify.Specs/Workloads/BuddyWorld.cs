using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Topology;

namespace MmVerify.Specs.Workloads;

/// <summary>A machine plus the blocks a workload holds, so that frees name live allocations.</summary>
public sealed class BuddyWorld
{
    private readonly List<Allocation> _live = [];
    private readonly IBuddyOps _ops;

    public BuddyWorld(Machine machine, IBuddyOps? ops = null)
    {
        Machine = machine;
        _ops = ops ?? ModelBuddyOps.Instance;
        Zones = machine.Zones.Where(z => z.IsPopulated).ToArray();
    }

    public Machine Machine { get; }

    /// <summary>The populated zones, in node and zone order: what BuddyOp zone numbers index.</summary>
    public IReadOnlyList<Zone> Zones { get; }

    public IReadOnlyList<Allocation> Live => _live;

    /// <summary>The allocation a Free op would release, or null when nothing is held.</summary>
    public Allocation? Target(BuddyOp.Free op) => _live.Count == 0 ? null : _live[Mod(op.Which, _live.Count)];

    /// <summary>The step function for buddy workloads: applies one operation.</summary>
    public void Apply(BuddyOp op)
    {
        switch (op)
        {
            case BuddyOp.Alloc a:
                {
                    var zone = Zones[Mod(a.Zone, Zones.Count)];
                    var order = Math.Min(a.Order, zone.Geometry.MaxPageOrder);
                    var page = _ops.Rmqueue(zone, order, a.Type, a.Flags, a.Owner);
                    if (page >= 0)
                    {
                        // get_page_from_freelist reserves a highatomic block after an ALLOC_HIGHATOMIC success.
                        if ((a.Flags & AllocFlags.HighAtomic) != 0)
                        {
                            zone.ReserveHighatomicPageblock(page, order);
                        }

                        _live.Add(new Allocation(zone, page, order));
                    }

                    break;
                }

            case BuddyOp.Free f:
                {
                    if (Target(f) is { } target)
                    {
                        _live.Remove(target);
                        _ops.FreePages(target.Zone, target.Index, target.Order);
                    }

                    break;
                }

            case BuddyOp.Isolate i:
                {
                    var zone = Zones[Mod(i.Zone, Zones.Count)];
                    zone.IsolatePageblock(Mod(i.Pageblock, zone.PageblockCount));
                    break;
                }

            case BuddyOp.Unisolate u:
                {
                    var zone = Zones[Mod(u.Zone, Zones.Count)];
                    zone.UnisolatePageblock(Mod(u.Pageblock, zone.PageblockCount));
                    break;
                }

            case BuddyOp.UnreserveHighatomic r:
                Zones[Mod(r.Zone, Zones.Count)].UnreserveHighatomicPageblock(r.Requester, r.Force);
                break;

            default:
                throw new ArgumentOutOfRangeException(nameof(op));
        }
    }

    private static int Mod(int value, int count) => ((value % count) + count) % count;
}

public sealed record Allocation(Zone Zone, int Index, int Order);
