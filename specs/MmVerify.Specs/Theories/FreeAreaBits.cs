using MmVerify.Model.Buddy;
using MmVerify.Model.Watermarks;

namespace MmVerify.Specs.Theories;

/// <summary>Free areas as one bit per (order, migratetype): "this free list is not empty". nr_free(o) is 1 when any list of o has a block.</summary>
public readonly record struct FreeAreaBits(UInt128 Bits, int MaxPageOrder = 10) : IFreeAreaView
{
    public static int Bit(int order, MigrateType mt) => (order * MigrateTypes.Count) + (int)mt;

    public long NrFree(int order) => (long)((Bits >> (order * MigrateTypes.Count)) & ((UInt128.One << MigrateTypes.Count) - 1));

    public bool FreeAreaEmpty(int order, MigrateType mt) => (Bits & (UInt128.One << Bit(order, mt))) == 0;
}
