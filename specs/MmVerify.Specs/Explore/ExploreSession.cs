using MmVerify.Engine.Explore;
using MmVerify.Model.Variants;

namespace MmVerify.Specs.Explore;

/// <summary>A scenario or property the explorer has no model of (bad input).</summary>
public sealed class ExploreInputException(string message) : Exception(message);

/// <summary>
/// Binds a scenario and a variant to the explicit world and runs the explorer. Only S3
/// (memcg-high-revives-kswapd) has an explicit world so far: its small form's node 0 (see KswapdWorldConfig.Small).
/// </summary>
public static class ExploreSession
{
    public const string Scenario = "memcg-high-revives-kswapd";

    public static IReadOnlyList<string> Scenarios { get; } = [Scenario];

    public static KswapdWorldConfig WorldOf(string scenario) => scenario == Scenario
        ? KswapdWorldConfig.Small
        : throw new ExploreInputException($"scenario '{scenario}' has no explicit-state world (explore models {Scenario})");

    public static ExploreOutcome Run(KswapdWorld world, IReadOnlyList<string> properties, ExploreOptions options)
    {
        var ids = properties.Count == 0 ? KswapdExploreProperties.Ids : properties;
        var props = new List<ExploreProperty>();
        foreach (var id in ids)
        {
            try
            {
                props.Add(KswapdExploreProperties.For(id, world));
            }
            catch (ArgumentException e)
            {
                throw new ExploreInputException(e.Message);
            }
        }

        return Explorer.Run(world, props, options);
    }

    public static KswapdWorld World(string scenario, string variant)
    {
        var config = WorldOf(scenario);
        try
        {
            return new KswapdWorld(config, VariantCatalog.Resolve(variant));
        }
        catch (VariantException e)
        {
            throw new ExploreInputException($"unknown variant '{variant}': {e.Message}");
        }
    }
}
