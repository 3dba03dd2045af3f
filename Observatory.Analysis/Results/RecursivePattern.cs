namespace Observatory.Analysis;

/// <summary>Repetition: phrases that come back in loops, and later messages that refer back to earlier ones.</summary>
public sealed record RecursivePattern
{
    /// <summary>0..1.</summary>
    public required double RepetitionScore { get; init; }

    public required IReadOnlyList<RepetitionLoop> Loops { get; init; }

    public required IReadOnlyList<TermCallback> Callbacks { get; init; }
}

/// <summary>A phrase repeated across messages start_index..end_index (inclusive).</summary>
public sealed record RepetitionLoop
{
    public required int StartIndex { get; init; }

    public required int EndIndex { get; init; }

    public required string Phrase { get; init; }

    public required int Occurrences { get; init; }
}

/// <summary>A message that picks up a term from an earlier message.</summary>
public sealed record TermCallback
{
    public required int Index { get; init; }

    public required int RefersToIndex { get; init; }

    public required string Term { get; init; }
}
