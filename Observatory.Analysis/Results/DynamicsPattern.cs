namespace Observatory.Analysis;

/// <summary>Conversation dynamics: who talks how much, how often the floor changes, how fast people answer.</summary>
public sealed record DynamicsPattern
{
    /// <summary>Number of maximal runs of consecutive messages by the same speaker.</summary>
    public required int Turns { get; init; }

    /// <summary>
    /// Normalized entropy of the participants' word shares: −Σ pᵢ·ln pᵢ / ln n over the n participants (0..1,
    /// 1 = perfectly even). 0 for a single participant or when nobody wrote a word.
    /// </summary>
    public required double Balance { get; init; }

    /// <summary>Speaker with the most words; on a tie the one who appeared first.</summary>
    public required string DominantSpeaker { get; init; }

    /// <summary>Speaker changes / (messages − 1); 0 for a single message.</summary>
    public required double TurnSwitchRate { get; init; }

    /// <summary>Mean words per turn, per speaker.</summary>
    public required SpeakerValues WordsPerTurn { get; init; }

    /// <summary>Share of each speaker's messages that ask a question.</summary>
    public required SpeakerValues QuestionRatio { get; init; }

    public required SpeakerStreak LongestStreak { get; init; }

    /// <summary>
    /// Per speaker, the median seconds from the previous message (by another speaker) to the first message of each of
    /// their turns, over pairs where both messages have timestamps and time does not run backwards. Speakers without
    /// such a pair are absent; the whole field is null when no pair exists.
    /// </summary>
    public required SpeakerValues? ResponseSeconds { get; init; }
}
