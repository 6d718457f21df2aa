using MmVerify.Engine.Explore;

namespace MmVerify.Specs.Explore;

/// <summary>
/// The auto-tuning properties in the S4 world, as step and state invariants: tune.debounce (no tuning action
/// less than 10 s after the previous one), tune.trigger (only a GFP_ATOMIC failure tunes), tune.cap
/// (min_free_kbytes never above max(the boot value, 1% of RAM)).
/// </summary>
public static class TuneExploreProperties
{
    public static IReadOnlyList<string> Ids { get; } = ["tune.debounce", "tune.trigger", "tune.cap"];

    public static ExploreProperty For(string id, TuneWorld w) => id switch
    {
        "tune.debounce" => new StepInvariant(id, (s, step) => !(TuneState.Unpack(step.Target).Tuned && TuneState.Unpack(s).SinceTune < 10)),
        "tune.trigger" => new StepInvariant(id, (_, step) => !(TuneState.Unpack(step.Target).Tuned && (TuneAction)step.Action != TuneAction.AtomicFailure)),
        "tune.cap" => new StateInvariant(id, s => TuneState.Unpack(s).MinFreeKbytes <= w.Cap),
        _ => throw new ArgumentException($"property '{id}' is not judged by the explorer on this world (it judges {string.Join(", ", Ids)})"),
    };
}
