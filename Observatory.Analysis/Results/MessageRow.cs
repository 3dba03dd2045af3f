namespace Observatory.Analysis;

/// <summary>
/// One message as the engine read it: the per-message view exports and charts need after the conversation text is
/// gone (CONTRACT §7 deletes it once the analysis is terminal). Holds no text, so there is nothing to redact.
/// </summary>
public sealed record MessageRow
{
    public required int Index { get; init; }

    public required string Speaker { get; init; }

    public required SpeakerRole Role { get; init; }

    public required int Words { get; init; }

    /// <summary>The message's own sentiment (-1..1, before smoothing); null when sentiment was not requested.</summary>
    public required double? Sentiment { get; init; }

    /// <summary>Whether the message asks something; null when dialectic was not requested.</summary>
    public required bool? IsQuestion { get; init; }
}
