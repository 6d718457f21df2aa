namespace MmVerify.Model.Buddy;

/// <summary>
/// What the model keeps of a struct page: the buddy flag and order of a block head, the list it
/// is on (whose links stand in for page->buddy_list), and the owner of an allocated head.
/// </summary>
internal struct PageFrame
{
    public int Next;
    public int Prev;
    public PageState State;
    public sbyte Order;
    public MigrateType ListType;
    public PageOwner Owner;
}
