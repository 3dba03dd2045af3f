namespace Observatory.Analysis.Aggregation;

/// <summary>
/// A tiny fixed-seed pseudo-random sequence (Steele, Lea and Flood's SplitMix64) for k-means++ seeding. Written out
/// here rather than using <see cref="Random"/>, whose seeded sequence .NET does not promise to keep across versions:
/// the same batch must give the same clusters on every machine and runtime.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1), from the top 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
}
