using MmVerify.Engine.Properties;
using MmVerify.Specs.Buddy;
using MmVerify.Specs.Gate;
using MmVerify.Specs.Temporal;
using MmVerify.Specs.Watermarks;

namespace MmVerify.Specs;

/// <summary>The property catalog of DESIGN.md, by id, and how each is judged over a run.</summary>
public static class PropertyCatalog
{
    /// <summary>Invariants checked while a scenario runs (every step for the cheap ones, every simulated second for the page walks).</summary>
    public static IReadOnlyList<IInvariant<Model.Topology.Machine>> RunInvariants { get; } =
    [
        new BuddyConservation(),
        new BuddyAlignment(),
        new BuddyCoalesced(),
        new WmarkOrdered(),
        new WmarkArith(),
        new BoostBounded(),
    ];

    /// <summary>Properties judged over the whole run.</summary>
    public static IReadOnlyList<IRunProperty> RunProperties { get; } =
    [
        .. RunInvariants.Select(i => (IRunProperty)new InvariantRunProperty(i.Info)),
        new AllocAdmittedSucceeds(),
        new AllocAtomicReserve(),
        new AllocFallback(),
        new AllocTerminates(),
        new BoostDecays(),
        new KswapdSleeps(),
        new KswapdHopeless(),
        new KswapdResetWhenBalanced(),
        new KswapdRevives(),
        new KswapdNoFutileReclaim(),
        new KswapdHandoff(),
        new KswapdFreeUsed(),
        new TuneCap(),
        new TuneRestores(),
        new TuneDebounce(),
        new TuneAdmin(),
        new TuneTrigger(),
        new DefragNoPollution(),
        new DefragWakeOrder(),
    ];

    /// <summary>Every property: those judged over runs and wmark.check-monotone, a step property of buddy workloads.</summary>
    public static IReadOnlyList<PropertyInfo> All { get; } =
        [.. RunProperties.Select(p => p.Info).Append(WmarkCheckMonotone.Property).OrderBy(p => p.Id, StringComparer.Ordinal)];

    public static IRunProperty? Find(string id) => RunProperties.FirstOrDefault(p => p.Info.Id == id);
}
