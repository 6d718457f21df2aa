using MmVerify.Engine.Explore;
using MmVerify.Model.Variants;

namespace MmVerify.Specs.Explore;

/// <summary>A scenario or property the explorer has no model of (bad input).</summary>
public sealed class ExploreInputException(string message) : Exception(message);

/// <summary>
/// Binds a scenario and a variant to its explicit world and runs the explorer. Seven scenarios have one:
/// S3 (memcg-high-revives-kswapd, its small form's node 0, see KswapdWorldConfig.Small), S6
/// (defrag-mode-oom-path, one allocating hog, see DefragWorldConfig.Small), and S1 (net-order3-frag-storm) and
/// S8 (kswapd-order-aware-2004) on the storm world (StormWorldConfig.Storm and .OrderAware), and S4
/// (atomic-burst-autotune) on the auto-tuning world (TuneWorldConfig.Small), and S7 (defrag-mode-atomic-net,
/// NetAtomicWorldConfig.Small), and S5 (defrag-mode-thp-kbuild, MobilityWorldConfig.Small).
/// </summary>
public static class ExploreSession
{
    public const string Scenario = "memcg-high-revives-kswapd";

    public const string DefragScenario = "defrag-mode-oom-path";

    public const string StormScenario = "net-order3-frag-storm";

    public const string OrderAwareScenario = "kswapd-order-aware-2004";

    public const string TuneScenario = "atomic-burst-autotune";

    public const string AtomicNetScenario = "defrag-mode-atomic-net";

    public const string ThpKbuildScenario = "defrag-mode-thp-kbuild";

    public static IReadOnlyList<string> Scenarios { get; } = [Scenario, DefragScenario, StormScenario, OrderAwareScenario, TuneScenario, AtomicNetScenario, ThpKbuildScenario];

    /// <summary>The properties the scenario's world judges.</summary>
    public static IReadOnlyList<string> PropertyIds(string scenario) => scenario switch
    {
        Scenario => KswapdExploreProperties.Ids,
        DefragScenario => DefragExploreProperties.Ids,
        StormScenario or OrderAwareScenario => StormExploreProperties.Ids,
        TuneScenario => TuneExploreProperties.Ids,
        AtomicNetScenario => NetAtomicExploreProperties.Ids,
        ThpKbuildScenario => MobilityExploreProperties.Ids,
        _ => throw NoWorld(scenario),
    };

    public static ExploreOutcome Run(IExploreWorld world, IReadOnlyList<string> properties, ExploreOptions options)
    {
        var ids = properties.Count == 0 ? world.PropertyIds : properties;
        var props = new List<ExploreProperty>();
        foreach (var id in ids)
        {
            try
            {
                props.Add(world.Property(id));
            }
            catch (ArgumentException e)
            {
                throw new ExploreInputException(e.Message);
            }
        }

        return Explorer.Run(world, props, options);
    }

    /// <summary>The scenario's world, at its small sizes, on the variant.</summary>
    public static IExploreWorld World(string scenario, string variant) => scenario switch
    {
        Scenario => new KswapdWorld(KswapdWorldConfig.Small, Resolve(variant)),
        DefragScenario => new DefragWorld(DefragWorldConfig.Small, Resolve(variant)),
        StormScenario => new StormWorld(StormWorldConfig.Storm, Resolve(variant)),
        OrderAwareScenario => new StormWorld(StormWorldConfig.OrderAware, Resolve(variant)),
        TuneScenario => new TuneWorld(TuneWorldConfig.Small, Resolve(variant)),
        AtomicNetScenario => new NetAtomicWorld(NetAtomicWorldConfig.Small, Resolve(variant)),
        ThpKbuildScenario => new MobilityWorld(MobilityWorldConfig.Small, Resolve(variant)),
        _ => throw NoWorld(scenario),
    };

    /// <summary>The scenario's world at recorded sizes (a counterexample file's), on the variant.</summary>
    public static IExploreWorld World(string scenario, string variant, IReadOnlyDictionary<string, long> sizes)
    {
        try
        {
            int I(string n) => checked((int)sizes[n]);
            return scenario switch
            {
                Scenario => new KswapdWorld(
                    new KswapdWorldConfig(I("nodes"), I("pages"), I("min"), I("low"), I("high"), I("file"), I("memcg_max"), I("memcg_high"), sizes["boost_factor"]), Resolve(variant)),
                DefragScenario => new DefragWorld(new DefragWorldConfig(I("pages"), I("min"), I("start_free"), I("oom_frees")), Resolve(variant)),
                StormScenario or OrderAwareScenario => new StormWorld(
                    new StormWorldConfig(I("pages"), I("min"), I("low"), I("high"), I("lru"), sizes["boost_factor"], I("order"), I("net_frag") != 0, I("sniper") != 0, I("mobility_grouping") != 0), Resolve(variant)),
                TuneScenario => new TuneWorld(new TuneWorldConfig(sizes["total_ram_pages"], sizes["initial_min_free_kbytes"], I("hz"), sizes["uptime_s"]), Resolve(variant)),
                AtomicNetScenario => new NetAtomicWorld(new NetAtomicWorldConfig(I("min"), I("start_free_movable"), I("movable_max"), I("nic_max")), Resolve(variant)),
                ThpKbuildScenario => new MobilityWorld(
                    new MobilityWorldConfig(I("block_pages"), Enumerable.Range(0, MobilityState.Count).Select(i => Pageblock.Unpack(I($"block{i}"))).ToArray()), Resolve(variant)),
                _ => throw NoWorld(scenario),
            };
        }
        catch (Exception e) when (e is KeyNotFoundException or OverflowException or ArgumentException)
        {
            throw new ExploreInputException($"world sizes of {scenario}: {e.Message}");
        }
    }

    private static KernelPolicy Resolve(string variant)
    {
        try
        {
            return VariantCatalog.Resolve(variant);
        }
        catch (VariantException e)
        {
            throw new ExploreInputException($"unknown variant '{variant}': {e.Message}");
        }
    }

    private static ExploreInputException NoWorld(string scenario) =>
        new($"scenario '{scenario}' has no explicit-state world (explore models {string.Join(", ", Scenarios)})");
}
