namespace Observatory.Analysis;

/// <summary>What the conversation is about and where the subject changes.</summary>
public sealed record TopicsPattern
{
    public required IReadOnlyList<TopicKeyword> Keywords { get; init; }

    public required IReadOnlyList<TopicSegment> Segments { get; init; }

    /// <summary>Number of topic changes (boundaries between segments).</summary>
    public required int Shifts { get; init; }

    /// <summary>
    /// False when the text gave the analysis nothing to work with (no content words, e.g. emoji only) or does not look
    /// like English, which the stop list and stemmer assume: keywords and labels are then unreliable.
    /// </summary>
    public bool Supported { get; init; } = true;

    /// <summary>Share of messages that contain at least one content word (0..1).</summary>
    public double Coverage { get; init; }
}

public sealed record TopicKeyword
{
    public required string Term { get; init; }

    public required double Weight { get; init; }
}

/// <summary>A run of messages (inclusive indices) about one topic.</summary>
public sealed record TopicSegment
{
    public required int StartIndex { get; init; }

    public required int EndIndex { get; init; }

    public required string Label { get; init; }

    public required IReadOnlyList<string> Keywords { get; init; }

    /// <summary>Position in <c>segments</c> of an earlier, non-adjacent segment on the same topic; null when none.</summary>
    public int? ReturnsTo { get; init; }
}
