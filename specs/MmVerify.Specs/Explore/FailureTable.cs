using MmVerify.Model.Kswapd;
using MmVerify.Model.Variants;
using MmVerify.Specs.Theories;

namespace MmVerify.Specs.Explore;

/// <summary>
/// kswapd_failures' as a function of (event, reclaimed, boosted, balanced, failures), tabulated once from the
/// variant's <see cref="FailureCounterMachine"/> (its policy objects: what counts as a failure, when progress
/// clears, whether PCP frees revive) so the explorer's step is a table look-up.
/// </summary>
public sealed class FailureTable
{
    private readonly byte[] _next = new byte[4 * 2 * 2 * 2 * (KswapdFunctions.MaxReclaimRetries + 1)];

    public FailureTable(KernelPolicy policy)
    {
        foreach (var e in Enum.GetValues<CounterEvent>())
        {
            for (var bits = 0; bits < 8; bits++)
            {
                for (var f = 0; f <= KswapdFunctions.MaxReclaimRetries; f++)
                {
                    var m = new FailureCounterMachine(policy).WithFailures(f);
                    m.Step(new CounterInput(e, (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0));
                    _next[Index(e, (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, f)] = (byte)Math.Min(m.Failures, KswapdFunctions.MaxReclaimRetries);
                }
            }
        }
    }

    public int Next(CounterEvent e, bool reclaimed, bool boosted, bool balanced, int failures) =>
        _next[Index(e, reclaimed, boosted, balanced, failures)];

    private static int Index(CounterEvent e, bool reclaimed, bool boosted, bool balanced, int f) =>
        (((((((int)e * 2) + (reclaimed ? 1 : 0)) * 2) + (boosted ? 1 : 0)) * 2) + (balanced ? 1 : 0)) * (KswapdFunctions.MaxReclaimRetries + 1) + f;
}
