namespace Observatory.Analysis;

/// <summary>Who took part and when: <c>conversation</c> in the result.</summary>
public sealed record ConversationSummary
{
    /// <summary>Number of messages analyzed (after normalization).</summary>
    public required int Messages { get; init; }

    /// <summary>In order of first appearance.</summary>
    public required IReadOnlyList<ParticipantSummary> Participants { get; init; }

    /// <summary>Earliest message timestamp; null when no message has one.</summary>
    public required DateTimeOffset? StartedAt { get; init; }

    /// <summary>Latest message timestamp; null when no message has one.</summary>
    public required DateTimeOffset? EndedAt { get; init; }

    /// <summary>ended_at − started_at in seconds; null when no message has a timestamp.</summary>
    public required double? DurationSeconds { get; init; }
}
