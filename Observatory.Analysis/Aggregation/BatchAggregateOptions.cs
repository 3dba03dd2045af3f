using System.ComponentModel.DataAnnotations;

namespace Observatory.Analysis.Aggregation;

/// <summary>
/// Tunables of <see cref="BatchAggregator"/>. The defaults are what the service uses; the ranges are checked on every
/// call (and by hosts that bind these from configuration with data-annotation validation).
/// </summary>
public sealed record BatchAggregateOptions
{
    /// <summary>A cluster with fewer conversations shows no excerpts: a small group could identify one conversation.</summary>
    [Range(1, int.MaxValue)]
    public int MinClusterSize { get; init; } = 3;

    /// <summary>The largest number of clusters tried.</summary>
    [Range(2, 50)]
    public int MaxClusters { get; init; } = 10;

    /// <summary>
    /// Fewer conversations (with keywords) than this are never split. The silhouette needs 2 ≤ k ≤ n − 1: two
    /// conversations cannot be scored at all, and three can only be split into a pair and a singleton whose
    /// silhouette is 0 by definition, so the whole score would rest on one pair.
    /// </summary>
    [Range(3, int.MaxValue)]
    public int MinConversationsToSplit { get; init; } = 4;

    /// <summary>
    /// Mean silhouette the best split must reach; below it the batch shows no cluster structure worth reporting and
    /// stays one cluster. Sparse keyword vectors give low silhouettes even for real structure. Measured with engine
    /// digests: batches on one subject scored 0.05–0.14 at their best k (hand-written chats on one subject; 1,000
    /// synthetic chats drawn from one vocabulary), batches mixing clearly different subjects 0.16–0.25 (hand-written)
    /// and 0.23 (1,000 synthetic chats on eight subjects). The default errs towards splitting: merging different
    /// subjects is the worse mistake, while a split of one subject still shows its sub-topics.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinSilhouette { get; init; } = 0.1;

    /// <summary>
    /// Share of the similarity between two conversations that comes from their detected patterns (the rest comes from
    /// their keywords): the subject decides the clusters, the pattern profile separates otherwise similar ones.
    /// </summary>
    [Range(0.0, 0.9)]
    public double PatternWeight { get; init; } = 0.2;

    /// <summary>
    /// A member counts as an outlier when its similarity to its cluster's centroid is more than this many standard
    /// deviations below the cluster's mean.
    /// </summary>
    [Range(0.5, 10.0)]
    public double OutlierDeviations { get; init; } = 2.0;
}
