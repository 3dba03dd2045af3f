using System.Buffers;
using System.Collections.Frozen;

namespace Observatory.Analysis.Text;

/// <summary>How a sentence was recognised as a question (or as a rhetorical look-alike that is not counted).</summary>
internal enum QuestionForm
{
    None,

    /// <summary>Ends with "?" (ASCII, full-width "？", Arabic "؟") or opens with Spanish "¿".</summary>
    Marked,

    /// <summary>A wh-word followed by an auxiliary at clause start: "how do I reset it", "what time is it".</summary>
    WhQuestion,

    /// <summary>Auxiliary before its subject: "could you send it", "is it down", "anyone know why".</summary>
    Inversion,

    /// <summary>An embedded question: "I wonder whether…", "I'd like to know…", "tell me how…", "any idea why…".</summary>
    Indirect,

    /// <summary>Looks like a question but is not asked ("Why not.", "Who cares.", "What a day."): never counted.</summary>
    Rhetorical,
}

/// <summary>What one message asks: counts of question and statement sentences and where the first question is.</summary>
internal readonly record struct MessageQuestions(
    int QuestionSentences,
    int StatementSentences,
    int RhetoricalSentences,
    int FirstQuestionStart,
    int FirstQuestionLength,
    QuestionForm FirstQuestionForm)
{
    public bool IsQuestion => QuestionSentences > 0;

    /// <summary>Every sentence with words asks something (a counter-question, not an answer).</summary>
    public bool IsPureQuestion => QuestionSentences > 0 && StatementSentences == 0;
}

/// <summary>
/// Decides which sentences of a message ask a question. Used by dynamics (question_ratio: does the message ask
/// anything) and dialectic (question counts, answer linking).
/// </summary>
/// <remarks>
/// A sentence is a question when it (1) ends with a question mark or opens with "¿"; or, without a mark, at the
/// start of the sentence or of a clause after , ; : — (2) begins with a wh-word followed by an auxiliary ("how do
/// I…", "why is…", "what time is it…"), or is "what about / how about / what if / how come / how many…", or a
/// contracted "what's / how's / where's / who's"; (3) inverts an auxiliary and a subject ("could you…", "can I…",
/// "is it…", "do you…", "anyone know…"); (4) embeds a question ("I wonder whether…", "I'd like to know…", "tell me
/// how…", "any idea why…", "let me know if…"). Leading fillers ("so", "ok", "hi", "well", "please"…) are skipped.
/// Unmarked sentences ending with "!" are exclamations, not questions. Rhetorical or exclamative look-alikes
/// without a question mark ("Why not.", "Who cares.", "Who knows.", "What a day.", "How dare you.", "Guess what.")
/// are reported as <see cref="QuestionForm.Rhetorical"/> (low confidence) and never counted; with a question mark
/// they count, because the writer chose to ask. Relative or discourse openings ("Which is why…", "What's more…",
/// "What I need is…", "When I got home…") are statements. Sentences end at a line break, or at . ! ? … followed by
/// a non-alphanumeric character, so "3.14" and "?q=1" in URLs do not split. English only beyond the question mark:
/// other languages are detected by "?", "？", "؟" and "¿" alone.
/// </remarks>
internal static class QuestionDetector
{
    /// <summary>True when the message asks at least one question (see remarks for what counts).</summary>
    public static bool IsQuestion(string content) => Inspect(content).IsQuestion;

    [Flags]
    private enum WordClass
    {
        None = 0,
        Wh = 1,
        /// <summary>"what's", "how's": a wh-word that already carries its auxiliary.</summary>
        WhContracted = 1 << 1,
        /// <summary>Be-forms, modals, does/did/has: invert with any subject, including "the"/"my" noun phrases.</summary>
        AuxBroad = 1 << 2,
        /// <summary>do/have/may/must: invert only with a personal pronoun ("do you" yes, "do the dishes" no).</summary>
        AuxPronounOnly = 1 << 3,
        Pronoun = 1 << 4,
        /// <summary>Personal pronouns only ("you", "I", "anyone"), not "it/this/that": used mid-sentence.</summary>
        PersonalPronoun = 1 << 5,
        Determiner = 1 << 6,
        Filler = 1 << 7,
        /// <summary>Words that make an indirect question out of "tell me", "let me know", "explain".</summary>
        QuestionComplement = 1 << 8,
        /// <summary>"how much", "how many", "how long"…: a quantity question.</summary>
        HowQuantity = 1 << 9,
        /// <summary>"anyone know…": the verbs that make an elliptical "anyone" a question.</summary>
        AnyoneVerb = 1 << 10,

        /// <summary>Words other than wh-words and auxiliaries that can open a question form ("I wonder", "tell me",
        /// "any idea", "anyone know", "guess what"); a clause opening with none of these is skipped at once.</summary>
        OtherOpener = 1 << 11,

        Opener = Wh | WhContracted | AuxBroad | AuxPronounOnly | OtherOpener,
    }

    private static readonly FrozenDictionary<string, WordClass> Words = BuildWords();

    private static readonly FrozenDictionary<string, WordClass>.AlternateLookup<ReadOnlySpan<char>> WordLookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    private const int MaxPrefixChars = 128;
    private const int MaxPrefixTokens = 10;

    /// <summary>An opening before a comma this short ("Hi Ada,", "Well,") still counts as the sentence start.</summary>
    private const int ShortOpeningChars = 48;

    private static readonly SearchValues<char> SentenceTerminators = SearchValues.Create(".!?？؟。！…\n");

    private static readonly SearchValues<char> ClauseBreaks = SearchValues.Create(",;:—–(");

    /// <summary>Splits the message into sentences and classifies each; one linear pass, no allocations.</summary>
    public static MessageQuestions Inspect(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        ReadOnlySpan<char> text = content.AsSpan();
        int questions = 0, statements = 0, rhetorical = 0;
        int firstStart = -1, firstLength = 0;
        QuestionForm firstForm = QuestionForm.None;

        int start = 0;
        while (start < text.Length)
        {
            int end = SentenceEnd(text, start);
            ReadOnlySpan<char> sentence = text[start..end];
            QuestionForm form = ClassifySentence(sentence, out bool hasWords);
            if (form is QuestionForm.None or QuestionForm.Rhetorical)
            {
                if (hasWords)
                {
                    statements++;
                }

                if (form == QuestionForm.Rhetorical)
                {
                    rhetorical++;
                }
            }
            else
            {
                questions++;
                if (firstStart < 0)
                {
                    int lead = sentence.Length - sentence.TrimStart().Length;
                    firstStart = start + lead;
                    firstLength = sentence.Trim().Length;
                    firstForm = form;
                }
            }

            start = end;
        }

        return new MessageQuestions(questions, statements, rhetorical, Math.Max(firstStart, 0), firstLength, firstForm);
    }

    /// <summary>Classifies one sentence (terminators included). <paramref name="hasWords"/>: it holds a letter or digit.</summary>
    internal static QuestionForm ClassifySentence(ReadOnlySpan<char> sentence, out bool hasWords)
    {
        ReadOnlySpan<char> trimmed = sentence.Trim();
        hasWords = ContainsLetterOrDigit(trimmed);
        if (trimmed.IsEmpty)
        {
            return QuestionForm.None;
        }

        char ending = LastMeaningfulChar(trimmed);
        if (ending is '?' or '？' or '؟' || trimmed[0] == '¿')
        {
            return QuestionForm.Marked;
        }

        if (!hasWords || ending is '!' or '！')
        {
            return QuestionForm.None;
        }

        QuestionForm atStart = ClassifyClause(trimmed, sentenceStart: true);
        if (atStart != QuestionForm.None)
        {
            return atStart;
        }

        // Later clauses: "Ada, what do you think", "I read the docs, but how does it work". After a short opening
        // ("Hi Ada,", "Well,") the clause is treated as the sentence start; deeper in, only strict forms count.
        int position = 0;
        while (position < trimmed.Length)
        {
            int found = trimmed[position..].IndexOfAny(ClauseBreaks);
            if (found < 0)
            {
                break;
            }

            position += found + 1;
            bool shortOpening = position <= ShortOpeningChars && WordsIn(trimmed[..position]) <= 2;
            QuestionForm clause = ClassifyClause(trimmed[position..], sentenceStart: shortOpening);
            if (clause != QuestionForm.None)
            {
                return clause;
            }
        }

        return QuestionForm.None;
    }

    private static QuestionForm ClassifyClause(ReadOnlySpan<char> clause, bool sentenceStart)
    {
        // Copy the first words with curly apostrophes straightened, so "what’s" and "what's" look the same.
        Span<char> buffer = stackalloc char[MaxPrefixChars];
        Span<Range> tokens = stackalloc Range[MaxPrefixTokens];
        int count = Tokenize(clause, buffer, tokens);
        if (count == 0)
        {
            return QuestionForm.None;
        }

        var words = new Prefix(buffer, tokens[..count]);
        int first = 0;
        WordClass opening = words.Class(0);
        while (first < count - 1 && first < 3 && (opening & WordClass.Filler) != 0)
        {
            opening = words.Class(++first);
        }

        if ((opening & WordClass.Opener) == 0)
        {
            // Most clauses ("The server is down") start with a word no question form starts with.
            return QuestionForm.None;
        }

        if (RelativeOpening(words, first))
        {
            return QuestionForm.None;
        }

        if (sentenceStart && Rhetorical(words, first))
        {
            return QuestionForm.Rhetorical;
        }

        if (Indirect(words, first))
        {
            return QuestionForm.Indirect;
        }

        if (WhQuestion(words, first))
        {
            return QuestionForm.WhQuestion;
        }

        return Inversion(words, first, sentenceStart) ? QuestionForm.Inversion : QuestionForm.None;
    }

    private static bool Rhetorical(Prefix w, int i) =>
        (w.Is(i, "why") && w.Is(i + 1, "not"))
        || (w.Is(i, "who") && (w.Is(i + 1, "cares") || w.Is(i + 1, "knows")))
        || (w.Is(i, "what") && (w.Is(i + 1, "a") || w.Is(i + 1, "an")))
        || (w.Is(i, "how") && w.Is(i + 1, "dare"))
        || (w.Is(i, "guess") && w.Is(i + 1, "what"))
        || (w.Is(i, "you") && w.Is(i + 1, "know") && w.Is(i + 2, "what"));

    private static bool Indirect(Prefix w, int i)
    {
        // Allow a leading "I"/"so I" variant: "i wonder", "i'm wondering", "i was wondering", "wondering if".
        if (w.Is(i, "i") && w.Is(i + 1, "wonder")
            || (w.Is(i, "i'm") || w.Is(i, "im")) && w.Is(i + 1, "wondering")
            || w.Is(i, "i") && (w.Is(i + 1, "am") || w.Is(i + 1, "was")) && w.Is(i + 2, "wondering")
            || w.Is(i, "i've") && w.Is(i + 1, "been") && w.Is(i + 2, "wondering")
            || w.Is(i, "wondering") && w.HasClass(i + 1, WordClass.QuestionComplement))
        {
            return true;
        }

        // "I'd like to know", "I would love to know", "I want to know", "I need to understand".
        int wish = w.Is(i, "i'd") ? i + 1 : w.Is(i, "i") && w.Is(i + 1, "would") ? i + 2 : -1;
        if (wish >= 0 && (w.Is(wish, "like") || w.Is(wish, "love")) && w.Is(wish + 1, "to") && KnowVerb(w, wish + 2))
        {
            return true;
        }

        if (w.Is(i, "i") && (w.Is(i + 1, "want") || w.Is(i + 1, "need")) && w.Is(i + 2, "to") && KnowVerb(w, i + 3))
        {
            return true;
        }

        // "I'm curious whether/why/about…", "curious if…".
        int curious = (w.Is(i, "i'm") || w.Is(i, "im")) ? i + 1 : w.Is(i, "i") && w.Is(i + 1, "am") ? i + 2 : i;
        if (w.Is(curious, "curious") && (w.HasClass(curious + 1, WordClass.QuestionComplement) || w.Is(curious + 1, "about")))
        {
            return true;
        }

        int ask = w.Is(i, "please") ? i + 1 : i;
        if ((w.Is(ask, "tell") && w.Is(ask + 1, "me") || w.Is(ask, "explain"))
            && w.HasClass(ask + (w.Is(ask, "tell") ? 2 : 1), WordClass.QuestionComplement | WordClass.WhContracted))
        {
            return true;
        }

        if (w.Is(i, "let") && w.Is(i + 1, "me") && w.Is(i + 2, "know") && w.HasClass(i + 3, WordClass.QuestionComplement | WordClass.WhContracted))
        {
            return true;
        }

        return w.Is(i, "any") && (w.Is(i + 1, "idea") || w.Is(i + 1, "ideas") || w.Is(i + 1, "thoughts") || w.Is(i + 1, "clue"));
    }

    private static bool KnowVerb(Prefix w, int i) => w.Is(i, "know") || w.Is(i, "understand") || w.Is(i, "ask") || w.Is(i, "find");

    /// <summary>Wh-words that open a relative or discourse clause, not a question: "Which is why…", "What's more…".</summary>
    private static bool RelativeOpening(Prefix w, int i) =>
        w.Is(i, "what") && w.Is(i + 1, "is") && w.Is(i + 2, "more")
        || w.Is(i, "what's") && w.Is(i + 1, "more")
        || w.Is(i, "which") && (w.Is(i + 1, "means") || (w.Is(i + 1, "is") || w.Is(i + 1, "was"))
            && (w.Is(i + 2, "why") || w.Is(i + 2, "how") || w.Is(i + 2, "what") || w.Is(i + 2, "where") || w.Is(i + 2, "when")));

    private static bool WhQuestion(Prefix w, int i)
    {
        WordClass head = w.Class(i);
        if ((head & WordClass.WhContracted) != 0)
        {
            return true;
        }

        if ((head & WordClass.Wh) == 0)
        {
            return false;
        }

        if (w.HasClass(i + 1, WordClass.AuxBroad | WordClass.AuxPronounOnly))
        {
            return true;
        }

        if ((w.Is(i, "what") || w.Is(i, "how")) && w.Is(i + 1, "about")
            || w.Is(i, "what") && w.Is(i + 1, "if")
            || w.Is(i, "how") && (w.Is(i + 1, "come") || w.HasClass(i + 1, WordClass.HowQuantity)))
        {
            return true;
        }

        // "what time is it", "which option is best", "whose turn is it now" — not "what I need is…".
        if ((w.Is(i, "what") || w.Is(i, "which") || w.Is(i, "whose")) && !w.HasClass(i + 1, WordClass.Pronoun))
        {
            for (int k = i + 2; k <= i + 3; k++)
            {
                if (w.HasClass(k, WordClass.AuxBroad) && !w.HasClass(k - 1, WordClass.Pronoun))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Inversion(Prefix w, int i, bool sentenceStart)
    {
        WordClass head = w.Class(i);
        if (w.Is(i, "anyone") || w.Is(i, "anybody") || w.Is(i, "someone") || w.Is(i, "somebody"))
        {
            return w.HasClass(i + 1, WordClass.AnyoneVerb);
        }

        if ((head & (WordClass.AuxBroad | WordClass.AuxPronounOnly)) == 0 || i + 1 >= w.Count)
        {
            return false;
        }

        WordClass subject = w.Class(i + 1);
        if (!sentenceStart)
        {
            // Mid-sentence only personal pronouns: "if it fails, do it again" is an instruction, not a question.
            return (subject & WordClass.PersonalPronoun) != 0;
        }

        if ((head & WordClass.AuxPronounOnly) != 0)
        {
            return (subject & WordClass.PersonalPronoun) != 0;
        }

        return (subject & (WordClass.Pronoun | WordClass.Determiner)) != 0;
    }

    /// <summary>Splits the first words of a clause into tokens of letters, digits and inner apostrophes.</summary>
    private static int Tokenize(ReadOnlySpan<char> clause, Span<char> buffer, Span<Range> tokens)
    {
        int written = 0, count = 0, i = 0;
        while (i < clause.Length && count < tokens.Length)
        {
            char c = clause[i];
            if (!char.IsLetterOrDigit(c))
            {
                // A clause ends at the next clause or sentence boundary; only its opening words matter.
                if (c is ',' or ';' or ':' or '.' or '!' or '?' or '\n' or '—' or '–' or '(' or ')')
                {
                    break;
                }

                i++;
                continue;
            }

            int tokenStart = written;
            while (i < clause.Length && written < buffer.Length)
            {
                c = clause[i];
                if (char.IsLetterOrDigit(c))
                {
                    buffer[written++] = c;
                }
                else if (c is '\'' or '’' or 'ʼ' && i + 1 < clause.Length && char.IsLetter(clause[i + 1]))
                {
                    buffer[written++] = '\'';
                }
                else
                {
                    break;
                }

                i++;
            }

            tokens[count++] = new Range(tokenStart, written);
            if (written >= buffer.Length)
            {
                break;
            }
        }

        return count;
    }

    /// <summary>End (exclusive) of the sentence starting at <paramref name="start"/>, terminators included.</summary>
    private static int SentenceEnd(ReadOnlySpan<char> text, int start)
    {
        int i = start;
        while (i < text.Length)
        {
            int found = text[i..].IndexOfAny(SentenceTerminators);
            if (found < 0)
            {
                return text.Length;
            }

            i += found;
            if (text[i] == '\n')
            {
                return i + 1;
            }

            int j = i + 1;
            while (j < text.Length && text[j] is '.' or '!' or '?' or '？' or '؟' or '。' or '！' or '…')
            {
                j++;
            }

            if (j >= text.Length || !char.IsLetterOrDigit(text[j]))
            {
                return j;
            }

            i = j;
        }

        return text.Length;
    }

    /// <summary>The last character that is not whitespace, a closing quote/bracket or a symbol such as an emoji.</summary>
    private static char LastMeaningfulChar(ReadOnlySpan<char> text)
    {
        for (int i = text.Length - 1; i >= 0; i--)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c) || char.IsPunctuation(c) && c is not ('"' or '\'' or '”' or '’' or ')' or ']' or '»' or '*' or '_'))
            {
                return c;
            }
        }

        return '\0';
    }

    private static int WordsIn(ReadOnlySpan<char> text)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool letter = char.IsLetterOrDigit(c);
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
        }

        return words;
    }

    private static bool ContainsLetterOrDigit(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static FrozenDictionary<string, WordClass> BuildWords()
    {
        var words = new Dictionary<string, WordClass>(StringComparer.OrdinalIgnoreCase);
        void Add(WordClass wordClass, params string[] list)
        {
            foreach (string word in list)
            {
                words[word] = words.GetValueOrDefault(word) | wordClass;
            }
        }

        Add(WordClass.Wh, "what", "why", "how", "when", "where", "which", "who", "whom", "whose");
        Add(WordClass.WhContracted, "what's", "whats", "how's", "where's", "who's", "why's", "when's", "wheres", "hows", "whos");
        Add(WordClass.AuxBroad,
            "is", "are", "was", "were", "am", "can", "could", "would", "will", "should", "shall", "might", "does", "did",
            "has", "isn't", "aren't", "wasn't", "weren't", "can't", "couldn't", "wouldn't", "won't", "shouldn't",
            "doesn't", "didn't", "hasn't", "hadn't", "cant", "wont", "isnt", "arent", "doesnt", "didnt", "couldnt", "wouldnt", "shouldnt");
        Add(WordClass.AuxPronounOnly, "do", "don't", "dont", "have", "haven't", "havent", "had", "may", "must", "mustn't");
        Add(WordClass.Pronoun | WordClass.PersonalPronoun,
            "i", "you", "we", "he", "she", "they", "u", "ya", "y'all", "anyone", "anybody", "someone", "somebody",
            "everyone", "everybody", "one");
        Add(WordClass.Pronoun, "it", "there", "this", "that", "these", "those", "anything", "something", "everything", "nothing");
        Add(WordClass.Determiner, "the", "a", "an", "my", "your", "our", "his", "her", "their", "its", "any", "some", "all", "each", "every", "no");
        Add(WordClass.Filler,
            "so", "and", "but", "ok", "okay", "well", "hey", "hi", "hello", "also", "then", "anyway", "oh", "um", "uh",
            "hmm", "sorry", "actually", "now", "alright", "yes", "yeah", "no", "thanks", "btw", "please", "just",
            "quick", "question", "or", "honestly", "basically", "right", "again", "lastly", "finally", "dear");
        Add(WordClass.QuestionComplement,
            "what", "why", "how", "when", "where", "which", "who", "whom", "whose", "whether", "if", "about", "more");
        Add(WordClass.HowQuantity, "much", "many", "long", "often", "far", "old", "big", "soon", "likely", "exactly");
        Add(WordClass.OtherOpener,
            "i", "i'd", "i'm", "im", "i've", "wondering", "curious", "please", "tell", "explain", "let", "any",
            "anyone", "anybody", "someone", "somebody", "guess", "you");
        Add(WordClass.AnyoneVerb,
            "know", "knows", "have", "has", "got", "seen", "tried", "else", "here", "there", "around", "able", "willing",
            "want", "wanna", "using", "use", "familiar", "experienced", "had");
        return words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The first words of a clause, compared case-insensitively.</summary>
    private readonly ref struct Prefix(ReadOnlySpan<char> buffer, ReadOnlySpan<Range> tokens)
    {
        private readonly ReadOnlySpan<char> _buffer = buffer;
        private readonly ReadOnlySpan<Range> _tokens = tokens;

        public int Count => _tokens.Length;

        public bool Is(int index, string word) =>
            (uint)index < (uint)_tokens.Length && _buffer[_tokens[index]].Equals(word, StringComparison.OrdinalIgnoreCase);

        public WordClass Class(int index) =>
            (uint)index < (uint)_tokens.Length && WordLookup.TryGetValue(_buffer[_tokens[index]], out WordClass wordClass)
                ? wordClass
                : WordClass.None;

        public bool HasClass(int index, WordClass wordClass) => (Class(index) & wordClass) != 0;
    }
}
