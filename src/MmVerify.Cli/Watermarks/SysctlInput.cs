namespace MmVerify.Cli.Watermarks;

/// <summary>
/// The sysctl values given on the command line, accepted or refused as the kernel's write handlers
/// would: a value the kernel refuses (EINVAL) is bad input here, never silently clamped.
/// </summary>
internal static class SysctlInput
{
    public const long DefaultWatermarkScaleFactor = 10;

    // mirrors min_free_kbytes_sysctl_handler(): proc_dointvec_minmax with extra1 = SYSCTL_ZERO, an int
    public static long? MinFreeKbytes(string? text) =>
        text is null ? null : InRange(ProcInteger.Parse(text, "--min-free-kbytes"), 0, int.MaxValue, "--min-free-kbytes", "vm.min_free_kbytes");

    // mirrors watermark_scale_factor_sysctl_handler(): proc_dointvec_minmax, SYSCTL_ONE .. SYSCTL_THREE_THOUSAND
    public static long? WatermarkScaleFactor(string? text) =>
        text is null ? null : InRange(ProcInteger.Parse(text, "--watermark-scale-factor"), 1, 3000, "--watermark-scale-factor", "vm.watermark_scale_factor");

    /// <summary>
    /// mirrors lowmem_reserve_ratio_sysctl_handler(): proc_dointvec (every value an int), then any
    /// value below 1 becomes 0. Values may come as one quoted string or as separate arguments.
    /// </summary>
    public static long[]? LowmemReserveRatio(IReadOnlyList<string>? tokens)
    {
        if (tokens is null)
        {
            return null;
        }

        var values = tokens
            .SelectMany(t => t.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
            .Select(v => ProcInteger.Parse(v, "--lowmem-reserve-ratio"))
            .Select(v => InRange(v, int.MinValue, int.MaxValue, "--lowmem-reserve-ratio", "vm.lowmem_reserve_ratio"))
            .Select(v => v < 1 ? 0 : v)
            .ToArray();
        if (values.Length == 0)
        {
            throw new BadInputException("--lowmem-reserve-ratio: no values (the kernel refuses an empty write with EINVAL)");
        }

        return values;
    }

    private static long InRange(long value, long min, long max, string option, string sysctl)
    {
        if (value < min || value > max)
        {
            var range = min == int.MinValue ? "an int" : $"{min}..{max}";
            throw new BadInputException($"{option}: {value} is out of range for {sysctl} ({range})");
        }

        return value;
    }
}
