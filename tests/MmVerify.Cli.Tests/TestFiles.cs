namespace MmVerify.Cli.Tests;

/// <summary>Fixture paths, and temporary files that delete themselves.</summary>
internal static class TestFiles
{
    /// <summary>
    /// The development machine's /proc/zoneinfo (Linux 6.18.44), captured with min_free_kbytes 67584,
    /// watermark_scale_factor 10 and lowmem_reserve_ratio "256 256 32 0 0" (the ProcFs fixture, linked).
    /// </summary>
    public static string RealZoneinfo => Fixture("linux-6.18.44-firecracker");

    /// <summary>Two nodes of five zones each, a 4.17 kernel (no boost or promo lines).</summary>
    public static string TwoNodeZoneinfo => Fixture("linux-4.17-two-node-qemu");

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name, "zoneinfo");

    public static TempFile Write(string text) => new(text);
}

internal sealed class TempFile : IDisposable
{
    public TempFile(string text)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"mmverify-cli-{Guid.NewGuid():N}.zoneinfo");
        File.WriteAllText(Path, text);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
