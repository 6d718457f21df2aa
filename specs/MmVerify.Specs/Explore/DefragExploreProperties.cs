using MmVerify.Engine.Explore;

namespace MmVerify.Specs.Explore;

/// <summary>
/// alloc.terminates in the defrag world, as liveness under weak fairness of the task's steps: always
/// eventually the allocation returns a page or reaches the OOM killer (this world has no failing return: the
/// hog's faults neither give up nor are killed).
/// </summary>
public static class DefragExploreProperties
{
    public static IReadOnlyList<string> Ids { get; } = ["alloc.terminates"];

    public static ExploreProperty For(string id) => id switch
    {
        "alloc.terminates" => new FairLiveness(id, s => AllocState.Unpack(s).Phase is AllocPhase.GotPage or AllocPhase.Oom, _ => true),
        _ => throw new ArgumentException($"property '{id}' is not judged by the explorer (it judges {string.Join(", ", Ids)})"),
    };
}
