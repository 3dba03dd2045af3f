namespace Observatory.Analysis.Aggregation;

/// <summary>
/// An assignment of the clustered conversations (points of <see cref="ConversationVectors"/>) to
/// <see cref="Count"/> groups, with each group's unit-length centroid.
/// </summary>
/// <param name="Labels">Group of each point, 0 ≤ label &lt; <see cref="Count"/>.</param>
/// <param name="Centroids">Row-major, <see cref="Count"/> × dimensions.</param>
/// <param name="Cohesion">Sum over points of the cosine similarity to their group's centroid (what k-means maximises).</param>
/// <param name="Silhouette">Mean silhouette of the partition; null when it was not scored (a single group).</param>
internal sealed record ConversationPartition(int[] Labels, int Count, double[] Centroids, double Cohesion, double? Silhouette)
{
    public ReadOnlySpan<double> Centroid(int group, int dimensions) => Centroids.AsSpan(group * dimensions, dimensions);

    /// <summary>Everything in one group.</summary>
    public static ConversationPartition Single(ConversationVectors vectors)
    {
        var labels = new int[vectors.Count];
        var centroid = new double[vectors.Dimensions];
        SphericalKMeans.UpdateCentroids(vectors, labels, 1, centroid);
        double cohesion = 0;
        for (int point = 0; point < vectors.Count; point++)
        {
            cohesion += vectors.Dot(point, centroid);
        }

        return new ConversationPartition(labels, 1, centroid, cohesion, null);
    }
}
