namespace Observatory.Analysis.Aggregation;

/// <summary>
/// Rousseeuw's silhouette with cosine distance (1 − similarity): for each point, a = mean distance to the rest of its
/// group, b = the smallest mean distance to another group, s = (b − a) / max(a, b); a point alone in its group scores 0.
/// The mean over the points says how much better each point sits in its own group than in the next best one.
/// </summary>
internal static class Silhouette
{
    public static double Mean(SimilaritySample sample, int[] labels, int groups)
    {
        int m = sample.Count;
        var sums = new double[groups];
        var counts = new int[groups];
        double total = 0;
        for (int a = 0; a < m; a++)
        {
            Array.Clear(sums);
            Array.Clear(counts);
            ReadOnlySpan<double> row = sample.Row(a);
            for (int b = 0; b < m; b++)
            {
                if (b != a)
                {
                    int group = labels[sample.Points[b]];
                    sums[group] += row[b];
                    counts[group]++;
                }
            }

            int own = labels[sample.Points[a]];
            if (counts[own] == 0)
            {
                continue;
            }

            double within = 1 - sums[own] / counts[own];
            double nearest = double.PositiveInfinity;
            for (int group = 0; group < groups; group++)
            {
                if (group != own && counts[group] > 0)
                {
                    nearest = Math.Min(nearest, 1 - sums[group] / counts[group]);
                }
            }

            double larger = Math.Max(within, nearest);
            if (!double.IsPositiveInfinity(nearest) && larger > 0)
            {
                total += (nearest - within) / larger;
            }
        }

        return m == 0 ? 0 : total / m;
    }
}
