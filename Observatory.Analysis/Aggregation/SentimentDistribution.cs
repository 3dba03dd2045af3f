namespace Observatory.Analysis.Aggregation;

/// <summary>How many conversations of a batch were labelled negative, neutral and positive overall.</summary>
public sealed record SentimentDistribution
{
    public required int Negative { get; init; }

    public required int Neutral { get; init; }

    public required int Positive { get; init; }
}
