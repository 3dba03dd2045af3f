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

    /// <summary>
    /// Least-squares slope of the smoothed score against relative position (0 = first message, 1 = last): the
    /// fitted change in score over the whole conversation, comparable across conversation lengths.
    /// </summary>
    public required double Slope { get; init; }

    public required SpeakerValues BySpeaker { get; init; }

    public required IReadOnlyList<SentimentPoint> Trajectory { get; init; }

    public required IReadOnlyList<SentimentShift> Shifts { get; init; }

    /// <summary>
    /// Share of messages (0..1) with at least one word, phrase, emoji or emoticon the lexicon knows. Low coverage
    /// means "neutral" reflects missing evidence (another language, code, numbers), not a neutral tone.
    /// </summary>
    public required double Coverage { get; init; }

    /// <summary>Standard deviation of the smoothed score around its trend line (0 = a perfectly steady trend).</summary>
    public required double Volatility { get; init; }
}

/// <summary>The tone at one message: the smoothed score (what the trajectory plots) and the message's own score.</summary>
public sealed record SentimentPoint
{
    public required int Index { get; init; }

    public required string Speaker { get; init; }

    /// <summary>Smoothed score, -1..1.</summary>
    public required double Score { get; init; }

    /// <summary>The message's own score before smoothing, -1..1.</summary>
    public required double Raw { get; init; }
}

/// <summary>A message at which the tone changes from one label to another.</summary>
public sealed record SentimentShift
{
    public required int Index { get; init; }

    public required SentimentLabel From { get; init; }

    public required SentimentLabel To { get; init; }

    /// <summary>How far the smoothed score moved across the shift (0..2).</summary>
    public required double Magnitude { get; init; }

    /// <summary>Speaker of the message at <see cref="Index"/>.</summary>
    public required string Speaker { get; init; }
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
