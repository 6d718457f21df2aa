using MmVerify.Model.Variants;
using MmVerify.Specs.Theories;
using MmVerify.Specs.Theories.Encodings;
using Xunit.Abstractions;
using static MmVerify.Specs.Tests.Theories.Differential;

namespace MmVerify.Specs.Tests.Theories;

/// <summary>The failure-counter encoding of each variant agrees with the machine driven by the variant's policies.</summary>
public sealed class FailureCounterDifferentialTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("linux-6.12")]
    [InlineData("linux-7.2")]
    [InlineData("linux-6.12+reset-when-balanced")]
    [InlineData("linux-7.2+autotune-v3")]
    public void One_step_of_the_encoding_is_one_step_of_the_machine(string variant)
    {
        var policy = VariantCatalog.Resolve(variant);
        var ts = FailureCounterEncoding.System(policy, monitored: true);
        var (s, input) = (ts.StateAt(0), ts.InputAt(0));
        Check(output, $"kswapd_failures ({variant})", [FailureCounterEncoding.NextFailures(policy, s, input), FailureCounterEncoding.NextFutile(s, input)],
            rng => new()
            {
                ["failures@0"] = (ulong)rng.Next(0, 20),
                ["futile@0"] = (ulong)rng.Next(0, 20),
                ["event@0"] = (ulong)rng.Next(0, 4),
                ["reclaimed@0"] = Bool(rng.Next(2) == 0),
                ["boosted@0"] = Bool(rng.Next(4) == 0),
                ["balanced@0"] = Bool(rng.Next(3) == 0),
            },
            v =>
            {
                var step = new CounterInput((CounterEvent)(int)v["event@0"], v["reclaimed@0"] != 0, v["boosted@0"] != 0, v["balanced@0"] != 0);
                var m = new FailureCounterMachine(policy).WithFailures((int)v["failures@0"]);
                var hopeless = m.Hopeless;
                m.Step(step);
                var futile = step.Balanced || (step.Event == CounterEvent.PcpFree && hopeless) ? 0 : (int)v["futile@0"] + (FailureCounterMachine.IsFutileRun(hopeless, step) ? 1 : 0);
                return [(UInt128)m.Failures, (UInt128)futile];
            });
    }

    [Fact]
    public void The_machine_makes_a_7_2_node_hopeless_after_16_futile_runs_and_6_12_never_while_memcg_reclaim_progresses()
    {
        var futile = new CounterInput(CounterEvent.KswapdRun, Reclaimed: false, Boosted: false, Balanced: false);
        var memcg = new CounterInput(CounterEvent.MemcgReclaim, Reclaimed: true, Boosted: false, Balanced: false);
        var v72 = new FailureCounterMachine(VariantCatalog.Resolve("linux-7.2"));
        var v612 = new FailureCounterMachine(VariantCatalog.Resolve("linux-6.12"));
        for (var i = 0; i < 100; i++)
        {
            v72.Step(futile);
            v72.Step(memcg);
            v612.Step(futile);
            v612.Step(memcg);
        }

        Assert.True(v72.Hopeless);
        Assert.Equal(16, v72.Failures);
        Assert.False(v612.Hopeless);
        Assert.Equal(0, v612.Failures);
    }
}
