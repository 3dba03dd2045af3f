namespace Observatory.Analysis.Dialectic;

/// <summary>
/// Whether a reply names a time ("on the 14th", "at 5pm", "tomorrow"), a number ("forty", "+49 30…") or a person
/// ("Marta is.", "ask Ben"). Read only when a question asks for one of these, and only from the first
/// <see cref="MaxChars"/> characters: answers put what they answer first.
/// </summary>
/// <remarks>
/// A capitalised word inside a sentence is a name; at a sentence start only when it is the whole sentence ("Marta.")
/// or a verb follows ("Marta is.", "Ben will"), since every sentence starts with a capital. Stop words, cue words and
/// time words are never names.
/// </remarks>
internal readonly record struct ReplySpecifics(bool NamesTime, bool NamesNumber, bool NamesPerson)
{
    public const int MaxChars = 400;

    public static ReplySpecifics Of(string content)
    {
        ReadOnlySpan<char> text = content.AsSpan(0, Math.Min(content.Length, MaxChars));
        Span<char> scratch = stackalloc char[32];
        bool time = false, number = false, person = false, capitalOpensSentence = false;
        var scanner = new WordScanner(text, scratch);
        while (scanner.Next() && !(time && number && person))
        {
            ReadOnlySpan<char> word = scanner.Word;
            bool digits = char.IsAsciiDigit(word[0]);
            time = time || IsTime(word, digits);
            number = number || digits || AnswerWords.NumberWords.Contains(word);
            if (!person)
            {
                person = capitalOpensSentence && AnswerWords.AfterName.Contains(word);
                capitalOpensSentence = false;
                if (!person && ReplyReading.IsCapitalised(scanner.Original) && !Ignorable(word))
                {
                    person = !scanner.AtSentenceStart || scanner.AtSentenceEnd;
                    capitalOpensSentence = !person;
                }
            }
        }

        return new ReplySpecifics(time, number, person);
    }

    /// <summary>A time word, or digits with an ordinal or clock suffix ("14th", "5pm", "10h") or a year ("2025").</summary>
    private static bool IsTime(ReadOnlySpan<char> word, bool digits)
    {
        if (!digits)
        {
            return AnswerWords.TimeWords.Contains(word);
        }

        int count = 0;
        while (count < word.Length && char.IsAsciiDigit(word[count]))
        {
            count++;
        }

        ReadOnlySpan<char> suffix = word[count..];
        return suffix is "st" or "nd" or "rd" or "th" or "am" or "pm" or "h" || suffix.IsEmpty && count == 4;
    }

    /// <summary>Capitalised words that are not names: stop words, cue words, time words, the pronoun "I".</summary>
    private static bool Ignorable(ReadOnlySpan<char> word) =>
        Text.Terms.StopWords.Contains(word) || AnswerWords.Verdicts.Contains(word) || AnswerWords.Fillers.Contains(word)
        || AnswerWords.Reactions.Contains(word) || AnswerWords.TimeWords.Contains(word) || AnswerWords.AnswerOpeners.Contains(word);
}
