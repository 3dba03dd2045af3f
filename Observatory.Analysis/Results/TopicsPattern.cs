namespace Observatory.Analysis;

/// <summary>What the conversation is about and where the subject changes.</summary>
public sealed record TopicsPattern
{
    public required IReadOnlyList<TopicKeyword> Keywords { get; init; }

    public required IReadOnlyList<TopicSegment> Segments { get; init; }

    /// <summary>Number of topic changes (boundaries between segments).</summary>
    public required int Shifts { get; init; }
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
}
