namespace Observatory.Analysis.Aggregation;

/// <summary>
/// k-means on the unit sphere (Dhillon &amp; Modha's spherical k-means): points go to the centroid of highest cosine
/// similarity, centroids are the normalised sums of their members. Seeded by k-means++ (D² sampling on cosine distance)
/// from a fixed <see cref="SplitMix64"/> seed, so a run is a pure function of the points and the seed. Ties go to the
/// lower group; points are in ref order, so ties follow refs.
/// </summary>
internal static class SphericalKMeans
{
    /// <summary>Spherical k-means converges in a handful of passes on keyword vectors; this only bounds pathologies.</summary>
    public const int MaxIterations = 100;

    /// <summary>Below this total D², fewer than k distinct points remain: k groups do not exist.</summary>
    private const double NoSpread = 1e-12;

    /// <returns>The partition, or null when the points do not have k distinct positions.</returns>
    public static ConversationPartition? Partition(ConversationVectors vectors, int k, ulong seed, CancellationToken cancellationToken)
    {
        int n = vectors.Count;
        int dimensions = vectors.Dimensions;
        var centroids = new double[k * dimensions];
        if (!TrySeed(vectors, k, seed, centroids))
        {
            return null;
        }

        var byDimension = new double[dimensions * k];
        Transpose(centroids, k, dimensions, byDimension);
        var labels = new int[n];
        Array.Fill(labels, -1);
        var similarity = new double[n];
        var sizes = new int[k];
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool changed = Assign(vectors, byDimension, k, labels, similarity, sizes);
            changed |= RefillEmptyGroups(labels, similarity, sizes);
            if (!changed)
            {
                break;
            }

            UpdateCentroids(vectors, labels, k, centroids);
            Transpose(centroids, k, dimensions, byDimension);
        }

        double cohesion = 0;
        for (int point = 0; point < n; point++)
        {
            cohesion += vectors.Dot(point, centroids.AsSpan(labels[point] * dimensions, dimensions));
        }

        return new ConversationPartition(labels, k, centroids, cohesion, null);
    }

    /// <summary>Sets each group's centroid to the normalised sum of its members.</summary>
    public static void UpdateCentroids(ConversationVectors vectors, int[] labels, int k, double[] centroids)
    {
        int dimensions = vectors.Dimensions;
        Array.Clear(centroids, 0, k * dimensions);
        for (int point = 0; point < labels.Length; point++)
        {
            vectors.AddTo(point, centroids.AsSpan(labels[point] * dimensions, dimensions));
        }

        for (int group = 0; group < k; group++)
        {
            Span<double> centroid = centroids.AsSpan(group * dimensions, dimensions);
            double sumOfSquares = 0;
            foreach (double value in centroid)
            {
                sumOfSquares += value * value;
            }

            if (sumOfSquares > 0)
            {
                double scale = 1 / Math.Sqrt(sumOfSquares);
                for (int d = 0; d < centroid.Length; d++)
                {
                    centroid[d] *= scale;
                }
            }
        }
    }

    /// <summary>k-means++: the first seed uniformly, each next one with probability ∝ (1 − best similarity)².</summary>
    private static bool TrySeed(ConversationVectors vectors, int k, ulong seed, double[] centroids)
    {
        int n = vectors.Count;
        int dimensions = vectors.Dimensions;
        var random = new SplitMix64(seed);
        var nearest = new double[n];
        int chosen = (int)(random.NextUInt64() % (ulong)n);
        SetCentroid(vectors, chosen, centroids.AsSpan(0, dimensions));
        for (int point = 0; point < n; point++)
        {
            nearest[point] = vectors.Dot(point, chosen);
        }

        for (int group = 1; group < k; group++)
        {
            double total = 0;
            for (int point = 0; point < n; point++)
            {
                total += Weight(nearest[point]);
            }

            if (total <= NoSpread)
            {
                return false;
            }

            double target = random.NextDouble() * total;
            chosen = -1;
            double cumulative = 0;
            for (int point = 0; point < n; point++)
            {
                double weight = Weight(nearest[point]);
                if (weight <= 0)
                {
                    continue;
                }

                chosen = point;
                cumulative += weight;
                if (cumulative > target)
                {
                    break;
                }
            }

            SetCentroid(vectors, chosen, centroids.AsSpan(group * dimensions, dimensions));
            for (int point = 0; point < n; point++)
            {
                nearest[point] = Math.Max(nearest[point], vectors.Dot(point, chosen));
            }
        }

        return true;
    }

    private static double Weight(double similarity)
    {
        double distance = 1 - similarity;
        return distance <= NoSpread ? 0 : distance * distance;
    }

    private static void SetCentroid(ConversationVectors vectors, int point, Span<double> centroid)
    {
        centroid.Clear();
        vectors.AddTo(point, centroid);
    }

    /// <param name="byDimension">Centroids dimension-major (dimensions × k), so one pass over a point's entries scores every group.</param>
    private static bool Assign(ConversationVectors vectors, double[] byDimension, int k, int[] labels, double[] similarity, int[] sizes)
    {
        Array.Clear(sizes);
        Span<double> scores = stackalloc double[k];
        bool changed = false;
        for (int point = 0; point < labels.Length; point++)
        {
            scores.Clear();
            ReadOnlySpan<int> indices = vectors.Indices(point);
            ReadOnlySpan<double> values = vectors.Values(point);
            for (int e = 0; e < indices.Length; e++)
            {
                double value = values[e];
                ReadOnlySpan<double> row = byDimension.AsSpan(indices[e] * k, k);
                for (int group = 0; group < k; group++)
                {
                    scores[group] += value * row[group];
                }
            }

            int best = 0;
            for (int group = 1; group < k; group++)
            {
                if (scores[group] > scores[best])
                {
                    best = group;
                }
            }

            changed |= labels[point] != best;
            labels[point] = best;
            similarity[point] = scores[best];
            sizes[best]++;
        }

        return changed;
    }

    private static void Transpose(double[] centroids, int k, int dimensions, double[] byDimension)
    {
        for (int group = 0; group < k; group++)
        {
            for (int d = 0; d < dimensions; d++)
            {
                byDimension[d * k + group] = centroids[group * dimensions + d];
            }
        }
    }

    /// <summary>
    /// An empty group takes the point that fits its own group worst (from a group that keeps a member), as usual for
    /// k-means; ties → the earlier point.
    /// </summary>
    private static bool RefillEmptyGroups(int[] labels, double[] similarity, int[] sizes)
    {
        bool changed = false;
        for (int group = 0; group < sizes.Length; group++)
        {
            if (sizes[group] > 0)
            {
                continue;
            }

            int worst = -1;
            for (int point = 0; point < labels.Length; point++)
            {
                if (sizes[labels[point]] > 1 && (worst < 0 || similarity[point] < similarity[worst]))
                {
                    worst = point;
                }
            }

            if (worst < 0)
            {
                break;
            }

            sizes[labels[worst]]--;
            labels[worst] = group;
            sizes[group] = 1;
            similarity[worst] = double.PositiveInfinity;
            changed = true;
        }

        return changed;
    }
}
