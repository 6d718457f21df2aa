using MmVerify.Model.Buddy;
using MmVerify.Model.Gfp;

namespace MmVerify.Specs.Watermarks;

/// <summary>A watermark check under test: (zone, order, mark, highest_zoneidx, alloc_flags) -> pass.</summary>
public delegate bool WatermarkCheckFunction(Zone zone, int order, long mark, int highestZoneIdx, AllocFlags allocFlags);
