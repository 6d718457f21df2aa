namespace MmVerify.Cli.Tests;

/// <summary>
/// Every zone of every node is reported, empty ones too. The 4.17 capture predates today's rules
/// (proportional MOVABLE min, protection kept for empty zones) and was taken amid memory hot-unplug,
/// so the 7.2 arithmetic must disagree with it: an honest exit 1, not bad input.
/// </summary>
public class MultiNodeTests
{
    [Fact]
    public void Both_nodes_and_all_their_zones_are_compared()
    {
        var r = CliRun.Run("watermarks", "--zoneinfo", TestFiles.TwoNodeZoneinfo);

        Assert.Equal(ExitCodes.Failed, r.Exit);
        Assert.Equal("", r.Err);
        var rows = r.OutLines.Where(l => l.StartsWith("Node ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(10, rows.Length);
        Assert.Equal(5, rows.Count(l => l.StartsWith("Node 1, zone ", StringComparison.Ordinal)));

        // No promo lines in a 4.17 file: nothing to compare, nothing printed.
        Assert.All(rows, l => Assert.DoesNotContain("promo", l));
        Assert.Equal("8 of 10 zones differ", r.OutLines[^1]);
    }

    [Fact]
    public void The_THP_rule_counts_populated_lowmem_zones_over_all_nodes()
    {
        // Node 0 has DMA and DMA32 populated, Normal empty; node 1 only Movable: two zones.
        var r = CliRun.Run("watermarks", "--zoneinfo", TestFiles.TwoNodeZoneinfo);

        Assert.StartsWith("min_free_kbytes 45056 (default: THP rule, 2 zones),", r.OutLines[0]);
    }
}
