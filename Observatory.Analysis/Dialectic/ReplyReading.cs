namespace Observatory.Analysis.Dialectic;

/// <summary>How a reply opens, as far as answering a question goes.</summary>
internal enum ReplyOpening
{
    /// <summary>Nothing telling ("The coffee machine…", "Great.").</summary>
    Plain,

    /// <summary>"Yes", "no", "probably", "not really", "of course", "I think…": a verdict on the question.</summary>
    Verdict,

    /// <summary>"Because…", "since…": a reason.</summary>
    Reason,

    /// <summary>"It's…", "there's…", "you can…", "try…", "the answer…": delivering information or a how-to.</summary>
    Answer,

    /// <summary>"When x − 2 = 0…", "after lunch", "once it's green": a condition or time clause.</summary>
    Condition,

    /// <summary>"By the way…", "anyway…", "I'm off to lunch": changing the subject — never an answer.</summary>
    TopicChange,
}

/// <summary>
/// How a reply opens, read once per candidate reply from its first words only: the opening (after fillers and a
/// one-word vocative), the subject it opens with, whether its first sentence is a bare fragment ("Chance encounters,
/// mostly."), and whether it says something beyond a reaction (at least <see cref="SubstantiveMinWords"/> words, a
/// first sentence that is not just "ok"/"nice"/"haha"). English only (see <see cref="AnswerWords"/>); at most
/// <see cref="MaxWords"/> words are read. What the reply names further on is <see cref="ReplySpecifics"/>.
/// </summary>
internal readonly record struct ReplyReading(
    ReplyOpening Opening,
    Person Subject,
    bool Fragment,
    bool OpensWithPerson,
    bool Substantive)
{
    public const int SubstantiveMinWords = 3;

    /// <summary>A first sentence this short, with no verb-like opening, is an elliptical answer ("Marta.", "In May.").</summary>
    private const int FragmentMaxWords = 4;

    private const int MaxOpeningWords = 4;

    /// <summary>Enough for fillers, a vocative, the opening and a fragment's end.</summary>
    private const int MaxWords = 8;

    public static ReplyReading Of(string content)
    {
        Span<char> scratch = stackalloc char[32];
        Span<char> opening = stackalloc char[32 * MaxOpeningWords];
        Span<Range> openingWords = stackalloc Range[MaxOpeningWords];
        int openingCount = 0, written = 0;
        int firstSentenceWords = 0, totalWords = 0;
        bool inFirstSentence = true, firstSentenceEnded = false, onlyReactions = true, skippedVocative = false;

        var scanner = new WordScanner(content, scratch);
        while (totalWords < MaxWords && scanner.Next())
        {
            ReadOnlySpan<char> word = scanner.Word;
            totalWords++;
            if (scanner.AtSentenceStart && firstSentenceWords > 0)
            {
                inFirstSentence = false;
                firstSentenceEnded = true;
            }

            // The opening: the first words after fillers ("Oh, hmm, yes…") and a one-word vocative ("Ada, it's…").
            bool filler = openingCount == 0 && AnswerWords.Fillers.Contains(word);
            if (openingCount == 0 && !filler && !skippedVocative && scanner.BeforeClauseBreak && IsCapitalised(scanner.Original)
                && !AnswerWords.Verdicts.Contains(word) && !AnswerWords.TopicChangeStarts.Contains(word)
                && QuestionShape.PersonOf(word) == Person.None)
            {
                skippedVocative = true;
                filler = true;
            }

            if (!filler && openingCount < MaxOpeningWords && word.Length <= scratch.Length)
            {
                word.CopyTo(opening[written..]);
                openingWords[openingCount++] = new Range(written, written + word.Length);
                written += word.Length;
            }

            if (inFirstSentence)
            {
                firstSentenceWords++;
                onlyReactions &= AnswerWords.Reactions.Contains(word) || AnswerWords.Fillers.Contains(word);
            }

            if (!inFirstSentence && totalWords >= SubstantiveMinWords && openingCount > 1)
            {
                break;
            }
        }

        firstSentenceEnded |= totalWords < MaxWords;
        ReadOnlySpan<char> first = openingCount > 0 ? opening[openingWords[0]] : [];
        ReplyOpening kind = OpeningOf(opening, openingWords[..openingCount]);
        bool fragment = firstSentenceEnded && firstSentenceWords is > 0 and <= FragmentMaxWords && !onlyReactions
            && QuestionShape.PersonOf(first) == Person.None && !AnswerWords.Reactions.Contains(first);
        bool substantive = totalWords >= SubstantiveMinWords && !onlyReactions;
        return new ReplyReading(kind, QuestionShape.PersonOf(first), fragment, AnswerWords.PersonWords.Contains(first), substantive);
    }

    private static ReplyOpening OpeningOf(ReadOnlySpan<char> opening, ReadOnlySpan<Range> words)
    {
        if (words.Length == 0)
        {
            return ReplyOpening.Plain;
        }

        foreach (string[] change in AnswerWords.TopicChanges)
        {
            if (StartsWith(opening, words, change))
            {
                return ReplyOpening.TopicChange;
            }
        }

        ReadOnlySpan<char> first = opening[words[0]];
        ReadOnlySpan<char> second = words.Length > 1 ? opening[words[1]] : [];
        if (AnswerWords.Verdicts.Contains(first))
        {
            return ReplyOpening.Verdict;
        }

        if (AnswerWords.Reasons.Contains(first) || first is "so" && second is "that")
        {
            return ReplyOpening.Reason;
        }

        if (AnswerWords.AnswerOpeners.Contains(first) || first is "the" && second is "answer" or "reason")
        {
            return ReplyOpening.Answer;
        }

        if (first is "when" or "whenever" or "if" or "after" or "before" or "once" or "until" or "while" or "during")
        {
            return ReplyOpening.Condition;
        }

        // "I think…", "I guess…", "we did", "I don't know": a first-person verdict.
        if (QuestionShape.PersonOf(first) is Person.I or Person.We
            && second is "think" or "guess" or "suppose" or "believe" or "doubt" or "hope" or "reckon" or "would" or "don't"
                or "dont" or "didn't" or "didnt" or "do" or "did" or "have" or "haven't" or "can" or "can't" or "will"
                or "won't" or "am" or "was" or "wasn't" or "know" or "mean")
        {
            return ReplyOpening.Verdict;
        }

        return first is "kind" or "sort" && second is "of" || first is "not" || first is "no" ? ReplyOpening.Verdict : ReplyOpening.Plain;
    }

    private static bool StartsWith(ReadOnlySpan<char> opening, ReadOnlySpan<Range> words, string[] phrase)
    {
        if (words.Length < phrase.Length)
        {
            return false;
        }

        for (int i = 0; i < phrase.Length; i++)
        {
            if (!opening[words[i]].SequenceEqual(phrase[i]))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsCapitalised(ReadOnlySpan<char> original) =>
        original.Length > 1 && char.IsUpper(original[0]) && char.IsLower(original[1]);
}
