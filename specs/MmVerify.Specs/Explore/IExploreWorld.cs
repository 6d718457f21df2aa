using MmVerify.Engine.Explore;
using MmVerify.Model.Variants;

namespace MmVerify.Specs.Explore;

/// <summary>An explicit-state world of one scenario on one variant: its properties, sizes and action numbers.</summary>
public interface IExploreWorld : IExplorable
{
    KernelPolicy Policy { get; }

    /// <summary>The catalog properties this world judges.</summary>
    IReadOnlyList<string> PropertyIds { get; }

    /// <summary>The world's sizes as recorded in a counterexample file (name, value), in a fixed order.</summary>
    IReadOnlyList<(string Name, long Value)> Sizes { get; }

    /// <summary>Every action number the world may take (for replay by name).</summary>
    IEnumerable<int> Actions { get; }

    /// <summary>The property with this id; ArgumentException if the world does not judge it.</summary>
    ExploreProperty Property(string id);
}
