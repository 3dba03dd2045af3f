using System.Text.Json.Serialization;
using Observatory.Analysis.Json;

namespace Observatory.Analysis;

/// <summary>Tone of the conversation overall, per speaker and over time.</summary>
public sealed record SentimentPattern
{
    /// <summary>-1..1.</summary>
    public required double Overall { get; init; }

    public required SentimentLabel Label { get; init; }

    public required SentimentTrend Trend { get; init; }

    /// <summary>Slope of the score over message position.</summary>
    public required double Slope { get; init; }

    public required SpeakerValues BySpeaker { get; init; }

    public required IReadOnlyList<SentimentPoint> Trajectory { get; init; }

    public required IReadOnlyList<SentimentShift> Shifts { get; init; }
}

/// <summary>The score of one message.</summary>
public sealed record SentimentPoint
{
    public required int Index { get; init; }

    public required string Speaker { get; init; }

    public required double Score { get; init; }
}

/// <summary>A message at which the tone changes from one label to another.</summary>
public sealed record SentimentShift
{
    public required int Index { get; init; }

    public required SentimentLabel From { get; init; }

    public required SentimentLabel To { get; init; }
}

[JsonConverter(typeof(SnakeCaseEnumConverter<SentimentLabel>))]
public enum SentimentLabel
{
    Negative,
    Neutral,
    Positive,
}

[JsonConverter(typeof(SnakeCaseEnumConverter<SentimentTrend>))]
public enum SentimentTrend
{
    Improving,
    Declining,
    Stable,
    Volatile,
}
