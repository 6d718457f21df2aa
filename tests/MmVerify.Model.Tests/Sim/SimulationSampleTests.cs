using MmVerify.Model.Lru;
using MmVerify.Model.Sim;
using MmVerify.Model.Tests.WorkloadTests;
using MmVerify.Model.Topology;

namespace MmVerify.Model.Tests.SimTests;

// checks the per-second monitor sample: /proc/buddyinfo, /proc/zoneinfo, kswapd CPU and si_mem_available(), mm/show_mem.c
public class SimulationSampleTests
{
    [Fact]
    public void A_sample_covers_every_populated_zone_and_skips_empty_ones()
    {
        // An empty DMA zone before DMA32 and Normal (1024 pages each), and an empty Movable zone after them,
        // whose min is still clamp(0 / 1024, SWAP_CLUSTER_MAX, 128) = 32 (setup_per_zone_wmarks' highmem
        // and movable rule) but which counts nowhere. min_free_kbytes 128 = 32 pages for the two lowmem zones,
        // split by managed pages: min 16 each; low = min + max(16 / 4, 1024 * 10 / 10000) = 20, high = low + 4 = 24.
        var sim = new Simulation(SimulationBuilder.Setup(SimulationBuilder.OneNode(
            ZoneSpec.Empty(ZoneKind.Dma), ZoneSpec.Flat(ZoneKind.Dma32, 0, 1024), ZoneSpec.Flat(ZoneKind.Normal, 1024, 1024), ZoneSpec.Empty(ZoneKind.Movable))));

        sim.RunUntil(1_000_000_000);

        var sample = Assert.Single(sim.Samples);
        Assert.Equal(1.0, sample.T);
        Assert.Equal(2048, sample.FreePages);
        Assert.Equal(
            [new ZoneSample("Node 0, zone    DMA32", 1024, 16, 20, 24, 0), new ZoneSample("Node 0, zone   Normal", 1024, 16, 20, 24, 0)],
            sample.Zones);
        Assert.Equal(["Node 0, zone    DMA32", "Node 0, zone   Normal"], sample.Buddyinfo.Keys.Order());
        Assert.Equal([0L, 0, 0, 0, 64], sample.Buddyinfo["Node 0, zone   Normal"]);
        Assert.Equal(32, sim.World.ZonesOf(0)[3].MinWmarkPages);
        Assert.Equal(4, sample.WatermarkBoost.Count);
        Assert.Equal([48L], sample.NodeHighPages);
        Assert.Equal([2048L], sample.NodeFreePages);
        Assert.Equal([true], sample.NodeBalanced);
        Assert.Equal(128, sample.MinFreeKbytes);
    }

    [Fact]
    public void Kswapd_busy_is_its_CPU_time_in_the_last_second()
    {
        // 0.25 s of kswapd CPU before the start, plus kswapd's own first pass at 0; then it sleeps,
        // so the second second has no kswapd CPU at all.
        var sim = new Simulation(SimulationBuilder.Setup(SimulationBuilder.Dma32AndNormal()));
        sim.World.Reclaim[0].KswapdBusyNs = 250_000_000;

        sim.RunUntil(1_000_000_000);
        var firstSecond = sim.World.Reclaim[0].KswapdBusyNs;
        sim.RunUntil(2_000_000_000);

        Assert.InRange(firstSecond, 250_000_000, 250_100_000);
        Assert.Equal(firstSecond, sim.World.Reclaim[0].KswapdBusyNs);
        Assert.Equal([firstSecond / 1e9], sim.Samples[0].KswapdBusy);
        Assert.Equal([0.0], sim.Samples[1].KswapdBusy);
    }

    [Theory]
    // si_mem_available(): free - totalreserve_pages, plus page cache less min(cache / 2, Σ low),
    // plus reclaimable slab less min(slab / 2, Σ low). Two 1024-page zones: Σ low = 40;
    // totalreserve_pages = DMA32 (high 24 + lowmem_reserve 1024 / 256 = 4) + Normal (high 24) = 52.
    // 10 cache + 200 slab: 1838 - 52 + (10 - 5) + (200 - 40) = 1951.
    [InlineData(6, 4, 200, 1951)]
    // 200 cache + 10 slab: 1838 - 52 + (200 - 40) + (10 - 5) = 1951.
    [InlineData(150, 50, 10, 1951)]
    public void Available_memory_is_free_above_the_reserves_plus_half_the_cache(int inactiveFile, int activeFile, int slab, long available)
    {
        var sim = new Simulation(SimulationBuilder.Setup(SimulationBuilder.Dma32AndNormal()));
        var world = sim.World;
        for (var i = 0; i < inactiveFile + activeFile + slab; i++)
        {
            TaskWorld.Fault(world, i < inactiveFile ? LruList.InactiveFile : i < inactiveFile + activeFile ? LruList.ActiveFile : LruList.Slab, LruFlags.None);
        }

        sim.RunUntil(1_000_000_000);

        Assert.Equal(52, world.Machine.TotalreservePages);
        Assert.Equal(available, Assert.Single(sim.Samples).AvailablePages);
    }
}
