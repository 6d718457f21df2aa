namespace MmVerify.Model.Sim;

/// <summary>Swap space: anon pages can be reclaimed only while it has room.</summary>
public sealed class SwapState
{
    public long TotalPages { get; set; }

    public long UsedPages { get; set; }

    public bool Enabled => TotalPages > 0;

    public bool HasRoom(long pages) => UsedPages + pages <= TotalPages;

    public SwapState Clone() => (SwapState)MemberwiseClone();
}
