namespace MmVerify.Cli.Watermarks;

/// <summary>
/// One zone's watermarks (boost included, as /proc/zoneinfo prints them) and protection
/// (lowmem_reserve[]). Promo is null where the file has no promo line: then it is not compared.
/// </summary>
internal sealed record ZoneValues(long Min, long Low, long High, long? Promo, IReadOnlyList<long> Protection);
