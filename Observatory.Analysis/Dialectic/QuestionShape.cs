namespace Observatory.Analysis.Dialectic;

/// <summary>What kind of answer a question asks for.</summary>
internal enum QuestionAsk
{
    /// <summary>"what/which/how/where…": some piece of information.</summary>
    Open,

    /// <summary>"did they…?", "should we…?", "2 and 3?": a yes or no.</summary>
    YesNo,

    /// <summary>"when…", "what time…", "how long…": a time or date.</summary>
    When,

    /// <summary>"who…", "whose…": a person.</summary>
    Who,

    /// <summary>"how many/much/old…": a number.</summary>
    Quantity,

    /// <summary>"why…", "how come…": a reason.</summary>
    Why,

    /// <summary>"What about the offsite?", "Anything else?", "Documentation?": an invitation to say anything on it.</summary>
    Prompt,
}

/// <summary>A personal pronoun as a subject: "did <b>they</b> confirm…" is answered by "<b>They</b> said…".</summary>
internal enum Person
{
    None,
    I,
    You,
    We,
    They,
    He,
    She,
    It,

    /// <summary>A name ("is Mateo coming?"): taken up by "he", "she" or "they".</summary>
    Named,
}

/// <summary>
/// The kind of answer a question sentence asks for and, for a yes/no question, its subject. Read from the first
/// words after fillers and a short opening of up to three words before a comma or colon ("Theo, what is courage?",
/// "First the usual: what went well?"): a wh-word gives the kind ("what time" and "how long" ask when, "how many" a
/// quantity, "how come" why); an auxiliary makes a yes/no question whose subject is the next word, unless it embeds
/// a wh-question ("could you tell me where…", "do you know when…", "I wonder whether it…"); "want to…?", "need…?"
/// leave out "do you"; a capitalised subject is a name ("is Mateo coming?"). "What/how about…", "what if…",
/// "any…", "anything else…" and bare phrases of up to three words ("Documentation?", "Checkout first?") invite
/// contributions (<see cref="QuestionAsk.Prompt"/>). A question mark on any other sentence ("You're coming?") makes
/// a yes/no question. <see cref="Declarative"/>: no wh-word, auxiliary or invitation opens it — as a reply, "Um, 2
/// and 3?" is a tentative answer, not a counter-question.
/// </summary>
internal readonly record struct QuestionShape(QuestionAsk Ask, Person Subject, bool Declarative = false)
{
    private const int PromptMaxWords = 3;

    /// <summary>Words before a comma or colon that are an opening, not the question ("Theo,", "First the usual:").</summary>
    private const int ShortOpeningWords = 3;

    private const int MaxWords = 10;
    private const int MaxWordLength = 24;

    /// <summary>How far after "could you"/"I wonder" an embedded wh-word is looked for.</summary>
    private const int EmbeddedReach = 4;

    public static QuestionShape Of(ReadOnlySpan<char> sentence)
    {
        Span<char> scratch = stackalloc char[MaxWordLength];
        Span<char> kept = stackalloc char[MaxWordLength * MaxWords];
        Span<Range> words = stackalloc Range[MaxWords];
        int count = 0, written = 0;
        bool secondCapitalised = false, opensQuestion = false;
        var scanner = new WordScanner(sentence, scratch);
        while (count < MaxWords && scanner.Next())
        {
            ReadOnlySpan<char> word = scanner.Word;
            if (count == 0 && AnswerWords.Fillers.Contains(word))
            {
                continue;
            }

            opensQuestion |= IsWh(word) || AnswerWords.Auxiliaries.Contains(word);
            if (count < ShortOpeningWords && scanner.BeforeClauseBreak && !opensQuestion)
            {
                // "Theo, what is courage?", "First the usual: what went well?": a short opening before a comma or
                // colon is skipped, unless the question has already begun ("Did you, by any chance, …").
                count = 0;
                written = 0;
                continue;
            }

            secondCapitalised = count == 1 ? IsName(scanner.Original, word) : secondCapitalised;
            word.CopyTo(kept[written..]);
            words[count++] = new Range(written, written + word.Length);
            written += word.Length;
        }

        if (count == 0)
        {
            return new QuestionShape(QuestionAsk.YesNo, Person.None, Declarative: true);
        }

        ReadOnlySpan<char> first = kept[words[0]];
        ReadOnlySpan<char> second = count > 1 ? kept[words[1]] : [];
        if (IsWh(first))
        {
            return first is "what" or "how" && second is "about" || first is "what" && second is "if"
                ? new QuestionShape(QuestionAsk.Prompt, Person.None)
                : new QuestionShape(AskOfWh(kept, words[..count], 0), Person.None);
        }

        if (AnswerWords.PromptOpeners.Contains(first))
        {
            return new QuestionShape(QuestionAsk.Prompt, Person.None);
        }

        if (AnswerWords.ElidedDoYou.Contains(first))
        {
            // "Want to try one on your own?" = "Do you want to…".
            return new QuestionShape(QuestionAsk.YesNo, Person.You, Declarative: true);
        }

        bool auxiliary = AnswerWords.Auxiliaries.Contains(first);
        bool wondering = first is "wondering" || first is "i" && second is "wonder" or "wondered";
        if (auxiliary || wondering)
        {
            for (int k = 1; k < count && k <= EmbeddedReach + 1; k++)
            {
                ReadOnlySpan<char> word = kept[words[k]];
                if (IsWh(word) && AnswerWords.EmbeddingVerbs.Contains(kept[words[k - 1]]))
                {
                    return new QuestionShape(AskOfWh(kept, words[..count], k), Person.None);
                }

                if (wondering && word is "whether" or "if" && k + 1 < count)
                {
                    return new QuestionShape(QuestionAsk.YesNo, PersonOf(kept[words[k + 1]]));
                }
            }
        }

        if (auxiliary)
        {
            Person person = count > 1 ? PersonOf(second) : Person.None;
            return new QuestionShape(QuestionAsk.YesNo, person == Person.None && secondCapitalised ? Person.Named : person);
        }

        Person subject = PersonOf(first);
        return subject == Person.None && count <= PromptMaxWords && !wondering
            ? new QuestionShape(QuestionAsk.Prompt, Person.None, Declarative: true)
            : new QuestionShape(QuestionAsk.YesNo, subject, Declarative: !wondering);
    }

    /// <summary>The subject pronoun a word is ("you", "they're", "it's" → It; "mine" → I, "everyone" → You), or
    /// <see cref="Person.None"/>.</summary>
    public static Person PersonOf(ReadOnlySpan<char> word)
    {
        int apostrophe = word.IndexOf('\'');
        ReadOnlySpan<char> stem = apostrophe > 0 ? word[..apostrophe] : word;
        return stem switch
        {
            "i" or "im" or "ive" or "id" or "my" or "mine" => Person.I,
            "you" or "u" or "youre" or "ya" or "everyone" or "everybody" or "y" or "yall" => Person.You,
            "we" or "our" or "ours" => Person.We,
            "they" or "theyre" => Person.They,
            "he" => Person.He,
            "she" => Person.She,
            "it" or "its" or "that" or "thats" or "this" => Person.It,
            "anyone" or "anybody" or "someone" or "somebody" => Person.You,
            _ => Person.None,
        };
    }

    /// <summary>Whether a reply opening with <paramref name="replySubject"/> takes up this yes/no question's subject:
    /// "you" is answered by "I"/"we", "we" by "we", others by themselves.</summary>
    public bool EchoedBy(Person replySubject) => Subject switch
    {
        Person.None => false,
        Person.You => replySubject is Person.I or Person.We,
        Person.I => replySubject == Person.You,
        Person.Named => replySubject is Person.He or Person.She or Person.They,
        _ => replySubject == Subject,
    };

    /// <summary>A capitalised word that is not a pronoun or function word: "Mateo", "Halvorsen".</summary>
    private static bool IsName(ReadOnlySpan<char> original, ReadOnlySpan<char> lower) =>
        original.Length > 1 && char.IsUpper(original[0]) && char.IsLower(original[1])
        && PersonOf(lower) == Person.None && !Text.Terms.StopWords.Contains(lower);

    private static bool IsWh(ReadOnlySpan<char> word)
    {
        int apostrophe = word.IndexOf('\'');
        ReadOnlySpan<char> stem = apostrophe > 0 ? word[..apostrophe] : word;
        return stem is "what" or "whats" or "which" or "how" or "hows" or "where" or "wheres" or "when" or "whens"
            or "who" or "whos" or "whom" or "whose" or "why";
    }

    private static QuestionAsk AskOfWh(ReadOnlySpan<char> kept, ReadOnlySpan<Range> words, int at)
    {
        ReadOnlySpan<char> wh = kept[words[at]];
        ReadOnlySpan<char> next = at + 1 < words.Length ? kept[words[at + 1]] : [];
        if (wh.StartsWith("when"))
        {
            return QuestionAsk.When;
        }

        if (wh.StartsWith("who"))
        {
            return QuestionAsk.Who;
        }

        if (wh is "why")
        {
            return QuestionAsk.Why;
        }

        if (wh is "how")
        {
            if (next is "long" or "soon")
            {
                return QuestionAsk.When;
            }

            if (next is "come")
            {
                return QuestionAsk.Why;
            }

            return AnswerWords.QuantityWords.Contains(next) ? QuestionAsk.Quantity : QuestionAsk.Open;
        }

        return wh is "what" or "which" && AnswerWords.TimeNouns.Contains(next) ? QuestionAsk.When : QuestionAsk.Open;
    }
}
