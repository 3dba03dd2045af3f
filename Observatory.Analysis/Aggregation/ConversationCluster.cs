namespace Observatory.Analysis.Aggregation;

/// <summary>A group of a batch's conversations about the same subject (and with a similar pattern profile).</summary>
public sealed record ConversationCluster
{
    /// <summary>The cluster's top keywords joined with " / ".</summary>
    public required string Label { get; init; }

    public required int Size { get; init; }

    /// <summary>Members' refs in ordinal order.</summary>
    public required IReadOnlyList<string> Refs { get; init; }

    /// <summary>The terms that weigh most across the members (TF-IDF over the batch), strongest first.</summary>
    public required IReadOnlyList<string> Keywords { get; init; }

    /// <summary>The member closest to the cluster's centroid.</summary>
    public required string RepresentativeRef { get; init; }

    /// <summary>
    /// Up to three members' (already redacted) excerpts, closest to the centroid first; empty when the cluster is
    /// smaller than <see cref="BatchAggregateOptions.MinClusterSize"/>.
    /// </summary>
    public required IReadOnlyList<string> Excerpts { get; init; }
}
