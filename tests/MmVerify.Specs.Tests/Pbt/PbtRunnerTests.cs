using FsCheck;
using FsCheck.Fluent;
using MmVerify.Engine.Pbt;

namespace MmVerify.Specs.Tests.Pbt;

/// <summary>The engine on a toy property, where the minimal counterexample is known in advance.</summary>
public sealed class PbtRunnerTests
{
    private sealed record Numbers(int[] Items);

    private static readonly Gen<Numbers> Lists =
        Gen.Choose(0, 50).ArrayOf().Select(a => new Numbers(a));

    // Drop one element, or halve one: the shrinks a workload shrinker makes, on numbers.
    private static IEnumerable<Numbers> Shrink(Numbers n)
    {
        for (var i = 0; i < n.Items.Length; i++)
        {
            yield return new Numbers([.. n.Items.Take(i), .. n.Items.Skip(i + 1)]);
        }

        for (var i = 0; i < n.Items.Length; i++)
        {
            if (n.Items[i] > 0)
            {
                var copy = n.Items.ToArray();
                copy[i] /= 2;
                yield return new Numbers(copy);
            }
        }
    }

    private static string? SumBelow100(Numbers n) => n.Items.Sum() >= 100 ? $"sum {n.Items.Sum()}" : null;

    [Fact]
    public void A_failing_property_is_found_and_shrunk_to_a_local_minimum()
    {
        // Expected: violated. The shrunk list still sums to >= 100, and no single drop or halving keeps it failing.
        var outcome = PbtRunner.Run(Lists, Shrink, SumBelow100, new PbtOptions(200, 1000, 42));

        Assert.True(outcome.Failed);
        var shrunk = outcome.Counterexample!;
        Assert.True(shrunk.Items.Sum() >= 100);
        Assert.All(Shrink(shrunk), smaller => Assert.Null(SumBelow100(smaller)));
        Assert.True(shrunk.Items.Length <= outcome.FirstFailing!.Items.Length);
    }

    [Fact]
    public void The_same_seed_gives_the_same_counterexample()
    {
        var a = PbtRunner.Run(Lists, Shrink, SumBelow100, new PbtOptions(200, 1000, 7));
        var b = PbtRunner.Run(Lists, Shrink, SumBelow100, new PbtOptions(200, 1000, 7));

        Assert.Equal(a.Counterexample!.Items, b.Counterexample!.Items);
        Assert.Equal(a.Tests, b.Tests);
        Assert.Equal(a.Evaluations, b.Evaluations);
    }

    [Fact]
    public void A_property_that_holds_runs_every_test_and_reports_no_counterexample()
    {
        // Expected: holds. Lists of at most 50 numbers <= 50 never sum past 2500.
        var outcome = PbtRunner.Run(Lists, Shrink, n => n.Items.Sum() > 2500 ? "impossible" : null, new PbtOptions(100, 100, 1));

        Assert.False(outcome.Failed);
        Assert.Equal(100, outcome.Tests);
        Assert.Equal(100, outcome.Evaluations);
    }

    [Fact]
    public void Shrinking_stops_at_its_budget()
    {
        var outcome = PbtRunner.Run(Lists, Shrink, SumBelow100, new PbtOptions(200, 3, 42));

        Assert.True(outcome.Failed);
        Assert.True(outcome.ShrinkBudgetExhausted);
        Assert.True(outcome.Evaluations <= outcome.Tests + 3);
    }
}
