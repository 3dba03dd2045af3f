namespace Observatory.Analysis;

/// <summary>
/// The result of one analysis (CONTRACT §3, "The result"). Property order is the JSON order. Families that were not
/// requested or not computed are null; lists are empty rather than null.
/// </summary>
/// <remarks>
/// Members marked <c>required</c> must be present when JSON is read back. Fields added later should therefore be
/// optional (nullable or with a default), so results stored by an earlier engine version still deserialize.
/// </remarks>
public sealed record AnalysisResult
{
    public required ConversationSummary Conversation { get; init; }

    public required PatternResults Patterns { get; init; }

    public required IReadOnlyList<Theme> Themes { get; init; }

    public required IReadOnlyList<KeyMoment> KeyMoments { get; init; }

    /// <summary>Plain-language findings a researcher would write down.</summary>
    public required IReadOnlyList<string> Insights { get; init; }

    /// <summary>Named patterns this result shows (<see cref="PatternKinds"/>), in vocabulary order.</summary>
    public IReadOnlyList<string> DetectedPatterns { get; init; } = [];

    public required ConfidenceAssessment? Confidence { get; init; }

    public required SecurityFindings? Security { get; init; }

    public required EngineSummary Engine { get; init; }

    public required AnalysisTimings Timings { get; init; }

    /// <summary>One row per message (speaker, role, words, sentiment, question); last because it is the longest.</summary>
    public IReadOnlyList<MessageRow> Messages { get; init; } = [];
}
