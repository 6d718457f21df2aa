using MmVerify.Model.Variants;

namespace MmVerify.Model.Tests.Buddy;

public class HistoricalBugFixVersionTests
{
    // KERNEL.md section 10 marks the fix versions of the boosted-failure patch (≈v6.19), the PCP revival
    // (≈v6.18), the pgdat_balanced-gated reset (≈v7.0) and the compact_gap cap as UNCONFIRMED; the order drop
    // of compaction-aware kswapd is only known as "≈v4.8". The one fix whose release was checked is the
    // atomic boost skip f80b08fc4453: v5.9, with a stable backport request for 5.8.y.
    [Theory]
    [InlineData("bug-reset-on-any-progress", false)]
    [InlineData("bug-boosted-run-fails", false)]
    [InlineData("bug-never-drop-order", false)]
    [InlineData("bug-atomic-min-boost", true)]
    [InlineData("bug-uncapped-compact-gap", false)]
    [InlineData("bug-no-pcp-revive", false)]
    public void Only_the_atomic_boost_fix_has_a_confirmed_release(string name, bool confirmed)
    {
        var bug = HistoricalBugs.Find(name);

        Assert.NotNull(bug);
        Assert.Equal(confirmed, bug.Fix.VersionConfirmed);
        Assert.Equal(!confirmed, bug.Fix.FixedInText.EndsWith("(version UNCONFIRMED)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_confirmed_release_is_quoted_as_is()
    {
        var fix = HistoricalBugs.Find("bug-atomic-min-boost")!.Fix;

        Assert.Equal("v5.9", fix.FixedInText);
    }
}
