using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;
using MmVerify.Model.Sim;

namespace MmVerify.Model.Alloc;

/// <summary>One call of alloc_pages by a task: what it asks for and what it will hold the pages as.</summary>
public readonly record struct AllocRequest(TaskState Task, GfpFlags Gfp, int Order, PageOwner Owner);

/// <summary>Where an allocation landed, or why it failed; and what it cost the caller.</summary>
public readonly record struct AllocOutcome(int Node, int Zone, int Page, long CostNs, bool Livelocked)
{
    public bool Succeeded => Page >= 0;

    public static AllocOutcome Failed(long cost, bool livelocked = false) => new(-1, -1, -1, cost, livelocked);
}
