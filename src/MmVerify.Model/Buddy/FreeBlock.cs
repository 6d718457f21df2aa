namespace MmVerify.Model.Buddy;

/// <summary>A block of 2^Order pages starting at zone-relative page index Index.</summary>
public readonly record struct Block(int Index, int Order, PageState State, MigrateType ListType, PageOwner Owner);
