using MmVerify.Model.Gfp;
using MmVerify.Model.Sim;
using MmVerify.Model.Topology;

namespace MmVerify.Model.Alloc;

/// <summary>The zonelist of a request: nodes from the preferred one outwards, zones from the highest usable down.</summary>
public static class Zonelist
{
    private static int Rank(ZoneKind kind) => kind switch
    {
        ZoneKind.Dma => 0,
        ZoneKind.Dma32 => 1,
        ZoneKind.Normal => 2,
        ZoneKind.HighMem => 3,
        ZoneKind.Movable => 4,
        _ => 5,
    };

    /// <summary>gfp_zone() as an index into this node's layout (HIGHMEM exists only where the layout has it).</summary>
    public static int HighestZoneIndex(World world, int nid, GfpFlags gfp)
    {
        // The answer depends only on the zone bits of the gfp: cache it per node.
        var key = (nid * 32) + (int)(uint)(gfp & (GfpFlags.Dma | GfpFlags.HighMem | GfpFlags.Dma32 | GfpFlags.Movable));
        var cache = world.HighestZoneCache;
        if (cache[key] == 0)
        {
            cache[key] = Compute(world, nid, gfp) + 1;
        }

        return cache[key] - 1;
    }

    private static int Compute(World world, int nid, GfpFlags gfp)
    {
        var zones = world.ZonesOf(nid);
        var rank = Rank(GfpRules.GfpZone(gfp));
        if ((gfp & GfpFlags.HighMem) != 0 && rank == Rank(ZoneKind.Normal))
        {
            for (var i = 0; i < zones.Count; i++)
            {
                if (zones[i].Kind == ZoneKind.HighMem)
                {
                    rank = Rank(ZoneKind.HighMem);
                }
            }
        }

        var best = 0;
        for (var i = 0; i < zones.Count; i++)
        {
            if (Rank(zones[i].Kind) <= rank)
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>How many nodes the zonelist visits: one when bound, else all.</summary>
    public static int NodeCount(World world, bool bound) => bound ? 1 : world.Nodes.Count;

    /// <summary>The i-th node of the zonelist that starts at preferred.</summary>
    public static int NodeAt(int preferred, int i) => i == 0 ? preferred : (i <= preferred ? i - 1 : i);

    /// <summary>Node ids in fallback order: the preferred node, then the others by id (all at equal distance).</summary>
    public static IEnumerable<int> Nodes(World world, int preferred, bool bound = false)
    {
        yield return preferred;
        if (bound)
        {
            yield break;
        }

        for (var n = 0; n < world.Nodes.Count; n++)
        {
            if (n != preferred)
            {
                yield return n;
            }
        }
    }
}
