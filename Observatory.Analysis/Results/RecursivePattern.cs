namespace Observatory.Analysis;

/// <summary>Repetition: phrases that come back in loops, and later messages that refer back to earlier ones.</summary>
public sealed record RecursivePattern
{
    /// <summary>0..1.</summary>
    public required double RepetitionScore { get; init; }

    public required IReadOnlyList<RepetitionLoop> Loops { get; init; }

    public required IReadOnlyList<TermCallback> Callbacks { get; init; }

    /// <summary>Share of comparable messages (≥ 2 content words) that repeat an earlier message, verbatim or rephrased (0..1).</summary>
    public double NearDuplicateShare { get; init; }

    /// <summary>Share of 3-word phrases (with ≥ 2 content words) that reuse earlier phrasing (0..1).</summary>
    public double ShingleRedundancy { get; init; }

    /// <summary>
    /// False when no message had enough content words to compare (e.g. emoji only) or the text does not look like
    /// English, which the stop list and stemmer behind the comparisons assume.
    /// </summary>
    public bool Supported { get; init; } = true;
}

/// <summary>A phrase repeated across messages start_index..end_index (inclusive).</summary>
public sealed record RepetitionLoop
{
    public required int StartIndex { get; init; }

    public required int EndIndex { get; init; }

    public required string Phrase { get; init; }

    public required int Occurrences { get; init; }

    /// <summary>"message" (whole messages repeated or rephrased) or "phrase" (a phrase recurring inside different messages).</summary>
    public string Kind { get; init; } = "message";

    /// <summary>The messages the loop consists of, ascending.</summary>
    public IReadOnlyList<int> Indices { get; init; } = [];
}

/// <summary>A message that picks up a term from an earlier message.</summary>
public sealed record TermCallback
{
    public required int Index { get; init; }

    public required int RefersToIndex { get; init; }

    public required string Term { get; init; }

    /// <summary>Messages since the term was last mentioned.</summary>
    public int Gap { get; init; }
}
