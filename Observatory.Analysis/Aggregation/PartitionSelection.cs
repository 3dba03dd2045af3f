namespace Observatory.Analysis.Aggregation;

/// <summary>
/// Chooses how many clusters a batch has: spherical k-means for every k from 2 to min(<see
/// cref="BatchAggregateOptions.MaxClusters"/>, n − 1), the most cohesive of <see cref="Restarts"/> seedings for each,
/// and the k whose partition has the highest mean silhouette (ties → fewer clusters). When no k reaches <see
/// cref="BatchAggregateOptions.MinSilhouette"/>, or there are fewer than <see
/// cref="BatchAggregateOptions.MinConversationsToSplit"/> conversations, the batch stays one cluster.
/// </summary>
internal static class PartitionSelection
{
    /// <summary>Independent k-means++ seedings per k; a few guard against one unlucky draw at little cost.</summary>
    public const int Restarts = 3;

    /// <summary>Fixed base of every seeding, so clusters are reproducible.</summary>
    private const ulong Seed = 0x0B5E_4A70_27C1_05E7UL;

    public static ConversationPartition Choose(ConversationVectors vectors, BatchAggregateOptions options, CancellationToken cancellationToken)
    {
        int n = vectors.Count;
        int maxK = Math.Min(options.MaxClusters, n - 1);
        if (n < options.MinConversationsToSplit || maxK < 2)
        {
            return ConversationPartition.Single(vectors);
        }

        SimilaritySample sample = SimilaritySample.Of(vectors, cancellationToken);
        ConversationPartition? best = null;
        for (int k = 2; k <= maxK; k++)
        {
            ConversationPartition? candidate = MostCohesive(vectors, k, cancellationToken);
            if (candidate is null)
            {
                break; // fewer than k distinct conversations: no larger k exists either
            }

            cancellationToken.ThrowIfCancellationRequested();
            double silhouette = Silhouette.Mean(sample, candidate.Labels, k);
            if (best is null || silhouette > best.Silhouette)
            {
                best = candidate with { Silhouette = silhouette };
            }
        }

        return best is not null && best.Silhouette >= options.MinSilhouette ? best : ConversationPartition.Single(vectors);
    }

    private static ConversationPartition? MostCohesive(ConversationVectors vectors, int k, CancellationToken cancellationToken)
    {
        ConversationPartition? best = null;
        for (int restart = 0; restart < Restarts; restart++)
        {
            ulong seed = Seed + (ulong)(k * Restarts + restart);
            ConversationPartition? partition = SphericalKMeans.Partition(vectors, k, seed, cancellationToken);
            if (partition is null)
            {
                return null;
            }

            if (best is null || partition.Cohesion > best.Cohesion)
            {
                best = partition;
            }
        }

        return best;
    }
}
