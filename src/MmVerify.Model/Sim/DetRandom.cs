namespace MmVerify.Model.Sim;

/// <summary>A small deterministic generator (SplitMix64) whose state is one value, so a World clones it exactly.</summary>
public sealed class DetRandom
{
    private ulong _state;

    public DetRandom(ulong seed) => _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, bound).</summary>
    public int Next(int bound) => bound <= 0 ? 0 : (int)(NextUInt64() % (ulong)bound);

    /// <summary>True with probability p.</summary>
    public bool Chance(double p) => p > 0 && (NextUInt64() >> 11) * (1.0 / (1UL << 53)) < p;

    public DetRandom Clone() => new(0) { _state = _state };
}
