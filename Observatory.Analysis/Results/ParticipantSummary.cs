namespace Observatory.Analysis;

/// <summary>One speaker's share of the conversation. <see cref="Role"/> is the role of the speaker's first message.</summary>
public sealed record ParticipantSummary
{
    public required string Speaker { get; init; }

    public required SpeakerRole Role { get; init; }

    public required int Messages { get; init; }

    public required int Words { get; init; }

    /// <summary>words / all words (0..1, 4 decimals); 0 when the conversation has no words at all.</summary>
    public required double Share { get; init; }
}
