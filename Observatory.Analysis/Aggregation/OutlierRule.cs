namespace Observatory.Analysis.Aggregation;

/// <summary>
/// Which clustered conversations fit their cluster badly: the only member of a cluster when the batch was split (it
/// resembles none of the other groups), and any member whose similarity to its cluster's centroid is more than
/// <see cref="BatchAggregateOptions.OutlierDeviations"/> standard deviations below the members' mean. (With the
/// default of 2 a cluster needs at least 6 members before anyone can be that far below: the largest possible z-score
/// among n values is (n − 1)/√n.) Conversations without keywords are outliers too; the aggregator adds them.
/// </summary>
internal static class OutlierRule
{
    /// <summary>Similarities equal up to rounding (e.g. identical conversations) never make an outlier.</summary>
    private const double Tolerance = 1e-9;

    /// <param name="similarity">Each member's similarity to the centroid.</param>
    /// <returns>Positions in <paramref name="similarity"/> of the outliers.</returns>
    public static IEnumerable<int> Find(double[] similarity, int clusters, double deviations)
    {
        int size = similarity.Length;
        if (size == 1)
        {
            return clusters > 1 ? [0] : [];
        }

        double mean = similarity.Average();
        double variance = similarity.Sum(s => (s - mean) * (s - mean)) / size;
        double threshold = mean - deviations * Math.Sqrt(variance) - Tolerance;
        return Enumerable.Range(0, size).Where(m => similarity[m] < threshold);
    }
}
