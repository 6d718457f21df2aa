using MmVerify.Model.Buddy;
using MmVerify.Model.Topology;
using MmVerify.Model.Watermarks;

namespace MmVerify.ProcFs.Tests;

/// <summary>
/// The model booted with the development machine's layout and sysctls must print what its kernel
/// printed: watermarks, protection, sizes and the line layout. Free counts differ (the model boots
/// with every managed page free), so only their labels are compared.
/// </summary>
public sealed class Firecracker618ModelTests
{
    private const long MinFreeKbytes = 67584;
    private static readonly long[] Ratios = [256, 256, 32, 0, 0];

    private readonly Zoneinfo _info = Fixture.Zoneinfo(Fixture.Firecracker618);

    [Fact]
    public void Model_watermarks_equal_the_kernel_ones()
    {
        var spec = _info.ToMachineSpec();
        var sets = WatermarkSetup.SetupPerZoneWmarks(spec, MinFreeKbytes, watermarkScaleFactor: 10);

        Assert.Equal(
            _info.Zones.Select(z => new WatermarkSet(z.Min, z.Low, z.High, z.Promo!.Value)),
            sets[0]);
    }

    [Fact]
    public void Model_lowmem_reserve_equals_the_kernel_protection()
    {
        var spec = _info.ToMachineSpec();
        var reserve = WatermarkSetup.SetupPerZoneLowmemReserve(spec, Ratios);

        for (var z = 0; z < _info.Zones.Count; z++)
        {
            Assert.Equal(_info.Zones[z].Protection, reserve[0][z]);
        }
    }

    [Fact]
    public void Rendered_zoneinfo_has_the_kernel_lines_for_everything_the_model_holds()
    {
        // 6.5 M pages of per-page arrays: the only large machine in these tests.
        var machine = Machine.Boot(
            _info.ToMachineSpec(),
            new VmSysctls { UserMinFreeKbytes = MinFreeKbytes, LowmemReserveRatio = (long[])Ratios.Clone() },
            BuddyGeometry.X86_64);
        var rendered = Lines(ZoneinfoRenderer.Render(machine, ZoneinfoOptions.Linux7_2));
        var kernel = Lines(Fixture.Read(Fixture.Firecracker618, "zoneinfo")).Where(IsModelled).ToList();

        Assert.Equal(kernel.Count, rendered.Count);
        for (var i = 0; i < kernel.Count; i++)
        {
            Assert.Equal(WithoutFreeCount(kernel[i]), WithoutFreeCount(rendered[i]));
        }
    }

    private static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    // What the renderer prints: everything but the per-node stats, pagesets and unmodelled counters.
    // The pagesets' "high:" carries a colon, so it is not the zone's "high".
    private static readonly HashSet<string> ModelledFields =
    [
        "Node", "pages", "boost", "min", "low", "high", "promo", "spanned", "present", "managed", "cma", "protection:",
        "nr_free_pages", "nr_free_pages_blocks", "nr_free_cma", "node_unreclaimable:", "start_pfn:",
    ];

    private static bool IsModelled(string line) => ModelledFields.Contains(line.Trim().Split(' ')[0]);

    private static string WithoutFreeCount(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("pages free", StringComparison.Ordinal)
            || trimmed.StartsWith("nr_free_pages", StringComparison.Ordinal)
            ? line[..(line.LastIndexOf(' ') + 1)]
            : line;
    }
}
