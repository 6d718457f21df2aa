namespace MmVerify.Model.Buddy;

/// <summary>What the model knows about one page frame.</summary>
public enum PageState : byte
{
    /// <summary>Inside a block whose head is elsewhere (a tail page).</summary>
    Tail = 0,

    /// <summary>Head of a free block on a free list (PageBuddy with its order).</summary>
    FreeHead = 1,

    /// <summary>Head of an allocated block (the order it was allocated with).</summary>
    AllocatedHead = 2,

    /// <summary>Not managed by the buddy allocator: a hole, memblock-reserved, or outside the zone.</summary>
    Reserved = 3,

    /// <summary>Head of a block on a per-CPU page list: free to the pcp, allocated as far as the buddy counts.</summary>
    PcpHead = 4,
}
