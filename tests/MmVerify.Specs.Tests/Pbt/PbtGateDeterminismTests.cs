using MmVerify.Specs.Counterexamples;
using MmVerify.Specs.Gate;
using MmVerify.Specs.Pbt;

namespace MmVerify.Specs.Tests.Pbt;

/// <summary>The same seed gives the same verdicts and counterexample bytes with one worker or two.</summary>
public sealed class PbtGateDeterminismTests
{
    private static string[] Run(int workers)
    {
        var request = new GateRequest([], ["linux-6.12", "linux-7.2"], ["kswapd.hopeless", "kswapd.reset-when-balanced"], "quick", 3) { Workers = workers };
        var small = PbtGate.SmallForms.Find("memcg-high-revives-kswapd")!;
        return PbtGate.Run(request, [small], new ExpectationSet([]))
            .Select(r => $"{r.Variant} {r.Property} {r.Verdict} {r.Steps} {(r.Witness is { } w ? CounterexampleWriter.Write(w) : "-")}")
            .ToArray();
    }

    [Fact]
    public void One_worker_and_two_give_the_same_bytes()
    {
        var one = Run(1);
        var two = Run(2);

        Assert.Equal(one, two);
        Assert.Contains(one, line => line.StartsWith("linux-6.12 kswapd.hopeless Violated", StringComparison.Ordinal));
        Assert.Contains(one, line => line.StartsWith("linux-7.2 kswapd.hopeless Holds", StringComparison.Ordinal));
    }
}
