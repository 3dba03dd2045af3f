using System.Diagnostics;

namespace Observatory.LoadTest;

/// <summary>Exact percentiles (nearest rank) over every recorded sample, in milliseconds.</summary>
public sealed class LatencyStats
{
    private readonly double[] _sortedMs;

    public LatencyStats(IEnumerable<double> milliseconds)
    {
        _sortedMs = milliseconds.ToArray();
        Array.Sort(_sortedMs);
    }

    public static LatencyStats FromTicks(IEnumerable<long> stopwatchTicks) =>
        new(stopwatchTicks.Select(ticks => ticks * 1000.0 / Stopwatch.Frequency));

    public int Count => _sortedMs.Length;

    public double Min => Count == 0 ? double.NaN : _sortedMs[0];

    public double Max => Count == 0 ? double.NaN : _sortedMs[^1];

    public double Mean => Count == 0 ? double.NaN : _sortedMs.Average();

    /// <summary>The smallest sample that at least <paramref name="percent"/> % of the samples do not exceed.</summary>
    public double Percentile(double percent)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        int rank = (int)Math.Ceiling(percent / 100.0 * Count);
        return _sortedMs[Math.Clamp(rank - 1, 0, Count - 1)];
    }
}
