namespace MmVerify.Model.Buddy;

// mirrors fpi_t, mm/page_alloc.c, v7.2 (the flag the model uses)
[Flags]
public enum FreeFlags : byte
{
    None = 0,

    /// <summary>FPI_TO_TAIL: place the freed block at the tail of its list (memory onlining, boot).</summary>
    ToTail = 1,
}
