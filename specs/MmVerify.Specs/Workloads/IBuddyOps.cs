using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;

namespace MmVerify.Specs.Workloads;

/// <summary>
/// The buddy allocator under test. The reference is the model's; a faulty implementation kept in
/// the tests plugs in here to show that the buddy properties can fail.
/// </summary>
public interface IBuddyOps
{
    int Rmqueue(Zone zone, int order, MigrateType mt, AllocFlags allocFlags, PageOwner owner);

    void FreePages(Zone zone, int index, int order);
}

/// <summary>The model's own rmqueue and free paths.</summary>
public sealed class ModelBuddyOps : IBuddyOps
{
    public static ModelBuddyOps Instance { get; } = new();

    public int Rmqueue(Zone zone, int order, MigrateType mt, AllocFlags allocFlags, PageOwner owner) =>
        zone.Rmqueue(order, mt, allocFlags, owner);

    public void FreePages(Zone zone, int index, int order) => zone.FreePages(index, order);
}
