using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Observatory.Analysis.Aggregation;

/// <summary>
/// The cross-conversation view of a finished batch (CONTRACT §4 <c>aggregate</c>), built by
/// <see cref="BatchAggregator"/> from the items' digests. Equal inputs give byte-identical JSON.
/// </summary>
public sealed record BatchAggregate
{
    /// <summary>Completed conversations aggregated (failed and cancelled items are only counted below).</summary>
    public required int Conversations { get; init; }

    public required BatchSentiment Sentiment { get; init; }

    /// <summary>Largest first. Together they hold every aggregated conversation that has keywords.</summary>
    public required IReadOnlyList<ConversationCluster> Clusters { get; init; }

    /// <summary>Pattern kinds shown by at least one conversation, most common first.</summary>
    public required IReadOnlyList<PatternShare> CommonPatterns { get; init; }

    /// <summary>
    /// Refs (ordinal order) of conversations that fit no cluster well: no keywords at all (and so in no cluster),
    /// alone in their cluster, or far less similar to their cluster's centroid than its other members
    /// (<see cref="BatchAggregateOptions.OutlierDeviations"/>).
    /// </summary>
    public required IReadOnlyList<string> Outliers { get; init; }

    public required int Failed { get; init; }

    public required int Cancelled { get; init; }

    /// <summary>Mean silhouette (-1..1) of the chosen split; null when the conversations were not split.</summary>
    public required double? Silhouette { get; init; }

    private static readonly JsonTypeInfo<BatchAggregate> TypeInfo =
        (JsonTypeInfo<BatchAggregate>)AnalysisResultJson.Options.GetTypeInfo(typeof(BatchAggregate));

    public string ToJson() => JsonSerializer.Serialize(this, TypeInfo);

    /// <exception cref="JsonException">The text is not an aggregate.</exception>
    public static BatchAggregate FromJson(string json) =>
        JsonSerializer.Deserialize(json, TypeInfo) ?? throw new JsonException("An aggregate cannot be null.");
}
