namespace Observatory.Analysis.Text.Terms;

/// <summary>Every message of a conversation as terms over one shared <see cref="TermVocabulary"/>.</summary>
internal sealed class MessageTerms(
    TermDocument[] documents, TermVocabulary vocabulary, int tokenCount, int stopWordTokenCount, double latinLetterShare)
{
    /// <summary>
    /// Below this share of stop-word tokens (with at least <see cref="LanguageEvidenceTokens"/> tokens) the text is
    /// not English as far as the stop list and stemmer can tell: English chat runs at roughly 35–55 % stop words,
    /// other languages near 0–10 % against an English list.
    /// </summary>
    public const double MinEnglishStopWordShare = 0.15;

    public const int LanguageEvidenceTokens = 30;

    /// <summary>Below this share of ASCII letters the text is mostly in another script (CJK, Cyrillic, Arabic, …).</summary>
    public const double MinLatinLetterShare = 0.5;

    /// <summary>One per message, by message index.</summary>
    public TermDocument[] Documents { get; } = documents;

    public TermVocabulary Vocabulary { get; } = vocabulary;

    /// <summary>All tokens, stop words included.</summary>
    public int TokenCount { get; } = tokenCount;

    public int StopWordTokenCount { get; } = stopWordTokenCount;

    /// <summary>Share of the tokens' letters that are ASCII a–z (1 when there are no letters).</summary>
    public double LatinLetterShare { get; } = latinLetterShare;

    /// <summary>Messages with at least one content term.</summary>
    public int MessagesWithTerms { get; } = documents.Count(document => document.HasTerms);

    public bool HasTerms => MessagesWithTerms > 0;

    /// <summary>
    /// Whether the English stop list and stemmer apply: the letters must be mostly Latin, and — once there is enough
    /// text to tell — the share of stop-word tokens must look like English.
    /// </summary>
    public bool LooksEnglish =>
        LatinLetterShare >= MinLatinLetterShare
        && (TokenCount < LanguageEvidenceTokens || (double)StopWordTokenCount / TokenCount >= MinEnglishStopWordShare);
}
