namespace Observatory.Analysis;

/// <summary>The longest run of consecutive messages by one speaker (the earliest such run on a tie).</summary>
public sealed record SpeakerStreak
{
    public required string Speaker { get; init; }

    public required int Messages { get; init; }
}
