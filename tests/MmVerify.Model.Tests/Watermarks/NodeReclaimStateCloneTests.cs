using MmVerify.Model.Kswapd;

namespace MmVerify.Model.Tests.Watermarks;

// checks NodeReclaimState.Clone(), the model's copy of pg_data_t's reclaim fields for search: a deep copy of the balance_pgdat() run
public class NodeReclaimStateCloneTests
{
    [Fact]
    public void A_clone_has_the_same_fields_and_its_own_run()
    {
        var state = new NodeReclaimState(3)
        {
            KswapdOrder = 2,
            KswapdFailures = 5,
            Phase = KswapdPhase.Balancing,
            Run = new BalanceRun { HighestZoneidx = 1, Order = 2, ZoneBoosts = [512, 0, 0], NrBoostReclaim = 512, Boosted = true, Iterations = 4 },
        };

        var copy = state.Clone();
        copy.Run!.ZoneBoosts[0] = 7;
        copy.Run.Iterations = 9;

        Assert.Equal(3, copy.NrZones);
        Assert.Equal(2, copy.KswapdOrder);
        Assert.Equal(5, copy.KswapdFailures);
        Assert.Equal(KswapdPhase.Balancing, copy.Phase);
        Assert.NotSame(state.Run, copy.Run);
        Assert.Equal(1, copy.Run.HighestZoneidx);
        Assert.Equal(512, copy.Run.NrBoostReclaim);
        Assert.Equal(new long[] { 512, 0, 0 }, state.Run.ZoneBoosts);
        Assert.Equal(4, state.Run.Iterations);
    }
}
