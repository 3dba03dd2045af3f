namespace Observatory.Analysis.Aggregation;

/// <summary>Tone across a batch: the mean of the conversations' overall scores and how their labels are spread.</summary>
public sealed record BatchSentiment
{
    /// <summary>Mean overall sentiment (-1..1) of the conversations that have one; null when none has.</summary>
    public required double? Mean { get; init; }

    public required SentimentDistribution Distribution { get; init; }
}
