namespace MmVerify.Model.Buddy;

// mirrors enum zone_flags, include/linux/mmzone.h, v7.2 (the bits the model uses)
[Flags]
public enum ZoneFlags : byte
{
    None = 0,

    /// <summary>ZONE_BOOSTED_WATERMARK: a fallback boosted the watermark; wake kswapd after this allocation.</summary>
    BoostedWatermark = 1,

    /// <summary>ZONE_RECLAIM_ACTIVE: kswapd is reclaiming this zone.</summary>
    ReclaimActive = 2,

    /// <summary>ZONE_BELOW_HIGH: the zone failed a HIGH check in get_page_from_freelist.</summary>
    BelowHigh = 4,
}
