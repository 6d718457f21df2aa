using MmVerify.Model.Sim;

namespace MmVerify.ProcFs.Tests.Trace;

/// <summary>/proc/vmstat text: "name value" lines in the order given.</summary>
public sealed class VmstatRendererTests
{
    [Fact]
    public void Lines_in_the_given_order()
    {
        KeyValuePair<string, long>[] counters = [new("pgscan_kswapd", 12), new("nr_free_pages", 0), new("allocstall_normal", 3)];

        Assert.Equal("pgscan_kswapd 12\nnr_free_pages 0\nallocstall_normal 3\n", VmstatRenderer.Render(counters));
    }

    [Fact]
    public void No_counters_no_text()
    {
        Assert.Equal(string.Empty, VmstatRenderer.Render([]));
    }

    [Fact]
    public void The_models_counters()
    {
        var counters = new VmCounters();
        counters.Count(VmEvent.PgscanKswapd, 77);

        var lines = VmstatRenderer.Render(counters.All()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(Enum.GetValues<VmEvent>().Length, lines.Length);
        Assert.Equal("pgalloc_dma 0", lines[0]);
        Assert.Contains("pgscan_kswapd 77", lines);
    }

    [Theory]
    [InlineData("pgscan_kswapd", -1L)]
    [InlineData("bad name", 1L)]
    [InlineData("", 1L)]
    public void Bad_counters_are_refused(string name, long value)
    {
        Assert.Throws<ArgumentException>(() => VmstatRenderer.Render([new(name, value)]));
    }
}
