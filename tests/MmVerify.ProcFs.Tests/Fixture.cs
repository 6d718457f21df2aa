namespace MmVerify.ProcFs.Tests;

/// <summary>Reads a file under Fixtures/ (copied next to the test assembly).</summary>
internal static class Fixture
{
    public const string Firecracker618 = "linux-6.18.44-firecracker";
    public const string Prometheus4x = "linux-4.x-prometheus-procfs";
    public const string TwoNode417 = "linux-4.17-two-node-qemu";
    public const string Arm64TwoNode6x = "linux-6.x-arm64-two-node-qemu";

    public static string Read(string folder, string file) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", folder, file));

    public static Zoneinfo Zoneinfo(string folder) => ZoneinfoParser.Parse(Read(folder, "zoneinfo"), $"{folder}/zoneinfo");
}
