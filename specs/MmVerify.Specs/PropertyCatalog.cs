using MmVerify.Engine.Properties;
using MmVerify.Specs.Buddy;
using MmVerify.Specs.Watermarks;

namespace MmVerify.Specs;

/// <summary>The properties implemented so far, by id.</summary>
public static class PropertyCatalog
{
    public static IReadOnlyList<PropertyInfo> All { get; } =
    [
        BuddyConservation.Property,
        BuddyAlignment.Property,
        BuddyCoalesced.Property,
        WmarkOrdered.Property,
        WmarkCheckMonotone.Property,
    ];
}
