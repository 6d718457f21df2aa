using FsCheck;
using FsCheck.Fluent;
using MmVerify.Engine.Properties;
using MmVerify.Engine.Runner;
using MmVerify.Model.Topology;
using MmVerify.Model.Tests.Support;
using MmVerify.Specs.Buddy;
using MmVerify.Specs.Workloads;
using Xunit.Abstractions;

namespace MmVerify.Model.Tests.Properties;

/// <summary>
/// buddy.conservation, buddy.alignment and buddy.coalesced over random zones and random
/// alloc/free/isolate/unreserve sequences: they hold on the model, and each is violated by a
/// faulty allocator, with FsCheck shrinking the counterexample.
/// </summary>
public class BuddyPropertyTests(ITestOutputHelper output)
{
    private const int Tests = 200;

    private static IInvariant<BuddyWorld> OnWorld(IInvariant<Machine> invariant) =>
        new ProjectedInvariant<BuddyWorld, Machine>(invariant, w => w.Machine);

    private static TraceChecker<BuddyWorld, BuddyOp> AllBuddyProperties() => new(
        (w, op) => w.Apply(op),
        [OnWorld(new BuddyConservation()), OnWorld(new BuddyAlignment()), OnWorld(new BuddyCoalesced())],
        [new BuddyCoalesced()]);

    private static Property Holds(Func<TraceChecker<BuddyWorld, BuddyOp>> checker, Func<ZoneShape, BuddyWorld> boot) =>
        Prop.ForAll(Generators.ShapeArb, Generators.OpsArb, (shape, ops) =>
        {
            var violation = checker().Run(boot(shape), ops);
            return (violation is null).Label(violation?.ToString() ?? "holds");
        });

    private static Violation? Replay(TraceChecker<BuddyWorld, BuddyOp> checker, PbtOutcome outcome, Func<ZoneShape, BuddyWorld> boot)
    {
        var shape = (ZoneShape)outcome.ShrunkArguments[0];
        var ops = (List<BuddyOp>)outcome.ShrunkArguments[1];
        return checker.Run(boot(shape), ops);
    }

    [Fact]
    public void The_model_keeps_every_buddy_property()
    {
        var outcome = Pbt.Check(Holds(AllBuddyProperties, s => s.Boot()), Tests, seed: 2, output);
        Assert.True(outcome.Passed, outcome.Text);
        Assert.Equal(Tests, outcome.Tests);
    }

    [Fact]
    public void A_free_path_without_merging_violates_buddy_coalesced()
    {
        AssertCaught(new FaultyBuddyOps.NoMerge(), new BuddyCoalesced(), "buddy.coalesced");
    }

    [Fact]
    public void A_free_path_that_skips_accounting_violates_buddy_conservation()
    {
        AssertCaught(new FaultyBuddyOps.NoAccounting(), new BuddyConservation(), "buddy.conservation");
    }

    [Fact]
    public void A_merge_that_keeps_the_wrong_head_violates_buddy_alignment()
    {
        AssertCaught(new FaultyBuddyOps.MergeKeepsOwnHead(), new BuddyAlignment(), "buddy.alignment");
    }

    private void AssertCaught(IBuddyOps faulty, IInvariant<Machine> invariant, string id)
    {
        TraceChecker<BuddyWorld, BuddyOp> Checker() => new((w, op) => w.Apply(op), [OnWorld(invariant)]);
        BuddyWorld Boot(ZoneShape s) => s.Boot(faulty);

        var outcome = Pbt.Check(Holds(Checker, Boot), Tests, seed: 3, output);

        Assert.False(outcome.Passed, $"{id} did not catch {faulty.GetType().Name}");
        var violation = Replay(Checker(), outcome, Boot);
        Assert.NotNull(violation);
        Assert.Equal(id, violation.PropertyId);
        output.WriteLine($"shrunk counterexample: {outcome.ShrunkArguments[0]}, {((List<BuddyOp>)outcome.ShrunkArguments[1]).Count} operations: {string.Join("; ", (List<BuddyOp>)outcome.ShrunkArguments[1])}");
        output.WriteLine(violation.ToString());
    }
}
