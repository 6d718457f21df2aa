using MmVerify.Engine.Properties;
using MmVerify.Model.Buddy;
using MmVerify.Model.Topology;

namespace MmVerify.Specs.Buddy;

/// <summary>buddy.alignment: every block of order k, free or allocated, starts at a pfn that is a multiple of 2^k.</summary>
public sealed class BuddyAlignment : IInvariant<Machine>
{
    public static PropertyInfo Property { get; } = new(
        "buddy.alignment",
        "Every free or allocated block of order k starts at a pfn that is a multiple of 2^k.",
        "Buddy arithmetic (buddy pfn = pfn XOR 2^k, combined pfn = pfn AND buddy pfn) is only correct for aligned blocks; a misaligned block merges with the wrong neighbour and corrupts memory.",
        "KERNEL.md 1.4-1.5 (__find_buddy_pfn, split_large_buddy's alignment warning)");

    public PropertyInfo Info => Property;

    public string? Check(Machine state)
    {
        foreach (var zone in state.Zones)
        {
            foreach (var block in zone.Blocks())
            {
                if (block.State is not (PageState.FreeHead or PageState.AllocatedHead or PageState.PcpHead))
                {
                    continue;
                }

                var pfn = zone.PfnOf(block.Index);
                if (block.Order < 0 || (pfn & ((1L << block.Order) - 1)) != 0)
                {
                    return $"node {zone.NodeId} zone {zone.Name}: {(block.State == PageState.FreeHead ? "free" : "allocated")} order-{block.Order} block at pfn 0x{pfn:x} is not aligned";
                }
            }
        }

        return null;
    }
}
