using MmVerify.Engine.Explore;
using MmVerify.Engine.Properties;
using MmVerify.Specs.Explore;
using MmVerify.Specs.Gate;

namespace MmVerify.Specs.Tests.Explore;

/// <summary>
/// The explorer and PBT agree on every (scenario, variant, property) both judge, except the recorded
/// disagreements (each with its cause). The explorer's verdict comes from a complete search here; PBT's is its
/// small-form expectation (no entry: not violated), which the gate (`mmverify check`, run by CI) holds PBT to.
/// </summary>
public sealed class ExploreAgreementTests
{
    private static readonly ExpectationSet Expectations = ExpectationSet.Load(ExpectationSet.BuiltInPath);

    private static readonly Lazy<(string Scenario, string Variant, string Property, Verdict Explore, Verdict Pbt)[]> Judged = new(() =>
        ExploreAgreement.SharedPairs(Expectations).Select(p => (p.Scenario, p.Variant, p.Property, Explore(p), Pbt(p))).ToArray());

    private static Verdict Explore((string Scenario, string Variant, string Property) p) =>
        ExploreSession.Run(ExploreSession.World(p.Scenario, p.Variant), [p.Property], new ExploreOptions()).Results.Single().Verdict;

    private static Verdict Pbt((string Scenario, string Variant, string Property) p) =>
        Expectations.Find(p.Scenario, p.Variant, p.Property, Expectation.Small)?.Verdict ?? Verdict.Holds;

    [Fact]
    public void Both_engines_judge_a_fair_share_of_pairs()
    {
        var pairs = Judged.Value;
        Assert.True(pairs.Length >= 15, $"only {pairs.Length} shared pairs");
        Assert.Contains(pairs, p => p.Explore == Verdict.Violated);
        Assert.Contains(pairs, p => p.Explore == Verdict.Holds);
        Assert.All(ExploreSession.Scenarios, s => Assert.Contains(pairs, p => p.Scenario == s));
    }

    [Fact]
    public void Verdicts_agree_unless_the_disagreement_is_recorded_with_its_cause()
    {
        var unexplained = Judged.Value
            .Where(p => p.Explore != p.Pbt && !ExploreAgreement.RecordedDisagreements.ContainsKey((p.Scenario, p.Variant, p.Property)))
            .Select(p => $"{p.Scenario} {p.Variant} {p.Property}: explore {p.Explore}, pbt {p.Pbt}")
            .ToArray();
        Assert.Empty(unexplained);
    }

    [Fact]
    public void Every_recorded_disagreement_is_still_one()
    {
        foreach (var (key, cause) in ExploreAgreement.RecordedDisagreements)
        {
            Assert.False(string.IsNullOrWhiteSpace(cause));
            var p = Assert.Single(Judged.Value, j => (j.Scenario, j.Variant, j.Property) == key);
            Assert.NotEqual(p.Explore, p.Pbt);
        }
    }
}
