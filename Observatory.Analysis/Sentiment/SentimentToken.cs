namespace Observatory.Analysis.Sentiment;

internal enum SentimentTokenKind : byte
{
    Word,
    Emoji,
    Emoticon,
}

/// <summary>
/// One token of a message. Words point into <see cref="TokenizedMessage.Text"/> (lower-cased, apostrophes
/// normalized, consecutive words separated by exactly one space so a phrase is a contiguous slice); emoji and
/// emoticons carry their valence directly.
/// </summary>
internal struct SentimentToken
{
    public int Start;
    public int Length;
    public SentimentTokenKind Kind;
    public float Valence;

    /// <summary>All letters upper-case, at least two of them ("AWFUL", not "I").</summary>
    public bool IsCaps;

    /// <summary>A letter repeated three or more times in a row ("sooo", "gooood").</summary>
    public bool IsElongated;

    /// <summary>Clause punctuation (, ; : . ! ? … dashes, line break) between this token and the previous one.</summary>
    public bool BreakBefore;

    public readonly int End => Start + Length;
}
