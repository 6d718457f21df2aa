namespace MmVerify.Engine.Pbt;

/// <summary>
/// How hard the PBT engine tries: generated cases, property evaluations spent on shrinking, and the seed
/// that fixes FsCheck's random stream (the replay seed printed with every counterexample).
/// </summary>
public sealed record PbtOptions(int MaxTests, int MaxShrinkRuns, ulong Seed)
{
    /// <summary>FsCheck's split-mix gamma; fixed so that the seed alone replays a run (it must be odd).</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;
}
