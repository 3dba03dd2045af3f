namespace Observatory.Analysis.Topics;

/// <summary>
/// Picks topic boundaries from a cohesion curve the TextTiling way: depth scores at the valleys, a cutoff relative to
/// the conversation's own depth distribution, then the deepest valleys first, kept apart by a minimum segment length.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Candidates are valleys: local minima of the curve. A flat valley (several equal values) is represented by its
/// middle gap.</item>
/// <item>Depth at gap g = (left peak − c[g]) + (right peak − c[g]), as in Hearst (1997), except that a peak is the
/// highest similarity within one window (w gaps) on that side rather than the end of a climb: with blocks of w
/// messages the curve within w gaps of a boundary is where the neighbouring topic's cohesion shows, and in short chats
/// a single noisy dip would otherwise stop the climb and hide a real shift.</item>
/// <item>A valley becomes a boundary when (1) its depth exceeds Hearst's liberal cutoff, mean − σ/2 of the depth
/// scores of all gaps; (2) the two sides are cohesive on average, (left peak + right peak) / 2 ≥ <see cref="MinPeak"/>
/// — in a conversation whose stretches barely share words anywhere, a valley between two weak peaks is noise, not a
/// topic change; and (3) it is a real dip, c[g] &lt; <see cref="MaxValleyShare"/> × min(peaks) — the blocks either side
/// are each at least twice as coherent as they are with each other, so shallow wobbles on a uniformly cohesive curve do
/// not count. (2) averages the peaks rather than requiring both to reach <see cref="MinPeak"/>: an agenda item discussed
/// in varied words (figures, owners, deadlines) stays below 0.15 within itself, yet the move into a tightly worded next
/// item is a topic change all the same — requiring both sides pushed such a boundary into the next topic. The weaker
/// side is still held to (3), and two loosely worded sides (one subject in varied vocabulary) still average too low.</item>
/// <item>Deepest first (ties → earlier gap); a boundary closer than the minimum segment length to an accepted boundary
/// or to either end is skipped; at most <see cref="TopicWindow.MaxSegments"/> − 1 boundaries.</item>
/// </list>
/// Everything is a constant number of passes over the curve (window maxima with a monotonic deque).
/// </remarks>
internal static class TopicBoundaries
{
    /// <summary>Cosine similarity the two sides of a boundary must reach on average (each side's highest within one
    /// window) to count as topics.</summary>
    public const double MinPeak = 0.15;

    public const double MaxValleyShare = 0.5;

    /// <summary>Boundary gaps in ascending order; gap g means a new segment starts at message g.</summary>
    public static int[] Find(double[] curve, int window, int minSegmentLength, int maxSegments)
    {
        int n = curve.Length;
        if (n < 2 * minSegmentLength || maxSegments < 2)
        {
            return [];
        }

        double[] depth = DepthScores(curve, window, out double[] leftPeak, out double[] rightPeak);
        double mean = 0;
        for (int gap = 1; gap < n; gap++)
        {
            mean += depth[gap];
        }

        mean /= n - 1;
        double variance = 0;
        for (int gap = 1; gap < n; gap++)
        {
            variance += (depth[gap] - mean) * (depth[gap] - mean);
        }

        double cutoff = mean - (Math.Sqrt(variance / (n - 1)) / 2);

        var candidates = new List<(double Depth, int Gap)>();
        foreach (int valley in Valleys(curve))
        {
            double weakerPeak = Math.Min(leftPeak[valley], rightPeak[valley]);
            double meanPeak = (leftPeak[valley] + rightPeak[valley]) / 2;
            if (depth[valley] > cutoff
                && meanPeak >= MinPeak
                && curve[valley] < MaxValleyShare * weakerPeak
                && valley >= minSegmentLength && valley <= n - minSegmentLength)
            {
                candidates.Add((depth[valley], valley));
            }
        }

        candidates.Sort((a, b) => a.Depth != b.Depth ? b.Depth.CompareTo(a.Depth) : a.Gap.CompareTo(b.Gap));
        var accepted = new List<int>();
        foreach ((_, int gap) in candidates)
        {
            if (accepted.Count == maxSegments - 1)
            {
                break;
            }

            if (accepted.TrueForAll(other => Math.Abs(other - gap) >= minSegmentLength))
            {
                accepted.Add(gap);
            }
        }

        accepted.Sort();
        return [.. accepted];
    }

    /// <summary>Depth of every gap (index 0 unused), with the peak on each side: the highest value within
    /// <paramref name="window"/> gaps on that side, or the gap's own value when it is higher (or at an end).</summary>
    internal static double[] DepthScores(double[] curve, int window, out double[] leftPeak, out double[] rightPeak)
    {
        int n = curve.Length;
        leftPeak = WindowMaxima(curve, window, fromLeft: true);
        rightPeak = WindowMaxima(curve, window, fromLeft: false);
        var depth = new double[n];
        for (int gap = 1; gap < n; gap++)
        {
            depth[gap] = leftPeak[gap] - curve[gap] + (rightPeak[gap] - curve[gap]);
        }

        return depth;
    }

    /// <summary>For each gap, max(c[g], c[g∓1], …, c[g∓window]) over existing gaps, by a monotonic deque.</summary>
    private static double[] WindowMaxima(double[] curve, int window, bool fromLeft)
    {
        int n = curve.Length;
        var maxima = new double[n];
        var deque = new int[n];
        int head = 0;
        int tail = 0;
        for (int step = 1; step < n; step++)
        {
            int gap = fromLeft ? step : n - step;
            while (tail > head && curve[deque[tail - 1]] <= curve[gap])
            {
                tail--;
            }

            deque[tail++] = gap;
            while (Math.Abs(deque[head] - gap) > window)
            {
                head++;
            }

            maxima[gap] = curve[deque[head]];
        }

        return maxima;
    }

    /// <summary>Local minima; a run of equal values that is lower than both its neighbours yields its middle gap.</summary>
    private static IEnumerable<int> Valleys(double[] curve)
    {
        int n = curve.Length;
        int gap = 1;
        while (gap < n)
        {
            int end = gap;
            while (end + 1 < n && curve[end + 1] == curve[gap])
            {
                end++;
            }

            bool lowerThanLeft = gap == 1 || curve[gap - 1] > curve[gap];
            bool lowerThanRight = end == n - 1 || curve[end + 1] > curve[gap];
            bool hasNeighbour = gap > 1 || end < n - 1;
            if (lowerThanLeft && lowerThanRight && hasNeighbour)
            {
                yield return (gap + end) / 2;
            }

            gap = end + 1;
        }
    }
}
