namespace MmVerify.Model.Sim;

/// <summary>
/// One populated zone at a per-second sample: free pages, the un-boosted _watermark[] min, low and high,
/// and watermark_boost (the boosted marks, as wmark_pages() returns them, are each plus Boost).
/// </summary>
public sealed record ZoneSample(string Label, long FreePages, long Min, long Low, long High, long Boost);
