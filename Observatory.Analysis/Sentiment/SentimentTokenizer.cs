using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using Observatory.Analysis.Sentiment.Lexicon;

namespace Observatory.Analysis.Sentiment;

/// <summary>
/// Splits a message into words, emoji and emoticons for the scorer, in one pass. Words are runs of letters and
/// digits with inner apostrophes ("don't", "it’s" → "it's"); hyphens separate words ("well-written" → "well
/// written", which the lexicon can hold as a phrase). A whitespace-separated chunk that starts with a symbol is
/// first tried whole as an emoticon (":)", ":-(", "&lt;3") or a sarcasm marker ("/s", "#sarcasm"); the letter-only
/// "xD" is a lexicon word. Every other symbol is a separator, and clause punctuation marks the next token so
/// negation and phrases never reach across it.
/// </summary>
internal static class SentimentTokenizer
{
    /// <summary>Longest chunk tried as an emoticon or marker.</summary>
    private const int MaxMarkerLength = 10;

    public static void Tokenize(string text, SentimentLexicon lexicon, TokenizedMessage into)
    {
        into.Reset(text.Length);
        ReadOnlySpan<char> span = text.AsSpan();
        bool breakPending = false;
        int i = 0;
        while (i < span.Length)
        {
            char c = span[i];
            if (char.IsAsciiLetterOrDigit(c) || (c >= 0x80 && IsWordCharAt(span, i, out _)))
            {
                i = ReadWord(span, i, into, breakPending);
                breakPending = false;
                continue;
            }

            if (c == ' ')
            {
                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                breakPending |= c is '\n' or '\r';
                i++;
                continue;
            }

            if ((i == 0 || char.IsWhiteSpace(span[i - 1])) && TryWholeChunk(span, i, lexicon, into, ref breakPending) is > 0 and var end)
            {
                i = end;
                continue;
            }

            i = ReadSymbol(span, i, lexicon, into, ref breakPending);
        }
    }

    /// <summary>
    /// An emoticon or sarcasm marker filling the whole chunk that starts at <paramref name="start"/>: returns the
    /// index after the chunk, or 0 when the chunk is neither.
    /// </summary>
    private static int TryWholeChunk(ReadOnlySpan<char> span, int start, SentimentLexicon lexicon, TokenizedMessage into, ref bool breakPending)
    {
        int end = start + 1;
        while (end < span.Length && end - start <= MaxMarkerLength && !char.IsWhiteSpace(span[end]))
        {
            end++;
        }

        int length = end - start;
        if (length < 2 || length > MaxMarkerLength)
        {
            return 0;
        }

        Span<char> lowered = stackalloc char[MaxMarkerLength];
        ReadOnlySpan<char> candidate = lowered[..span[start..end].ToLowerInvariant(lowered)];
        if (candidate is "/s" or "#sarcasm")
        {
            into.SarcasmMarker = true;
            return end;
        }

        if (!TryEmoticon(candidate, lexicon, out float valence))
        {
            return 0;
        }

        into.Add(new SentimentToken { Kind = SentimentTokenKind.Emoticon, Valence = valence, BreakBefore = breakPending });
        breakPending = true;
        foreach (char c in candidate)
        {
            if (c == '!')
            {
                into.Exclamations++;
            }
        }

        return end;
    }

    private static bool TryEmoticon(ReadOnlySpan<char> candidate, SentimentLexicon lexicon, out float valence)
    {
        if (lexicon.TryGetEmoticon(candidate, out valence))
        {
            return true;
        }

        ReadOnlySpan<char> trimmed = candidate.TrimEnd(".,!?");
        if (trimmed.Length >= 2 && trimmed.Length < candidate.Length && lexicon.TryGetEmoticon(trimmed, out valence))
        {
            return true;
        }

        // ":)))" → ":)"
        int last = trimmed.Length - 1;
        int runStart = last;
        while (runStart > 0 && trimmed[runStart - 1] == trimmed[last])
        {
            runStart--;
        }

        return runStart < last && runStart >= 1 && lexicon.TryGetEmoticon(trimmed[..(runStart + 1)], out valence);
    }

    /// <summary>One non-word, non-space character (or emoji); returns the index after it.</summary>
    private static int ReadSymbol(ReadOnlySpan<char> span, int i, SentimentLexicon lexicon, TokenizedMessage into, ref bool breakPending)
    {
        char c = span[i];
        if (c is '!' or '！')
        {
            into.Exclamations++;
        }

        if ((char.IsSurrogate(c) || c > '\u2000')
            && Rune.DecodeFromUtf16(span[i..], out Rune rune, out int consumed) == OperationStatus.Done)
        {
            if (lexicon.TryGetEmoji(rune.Value, out float valence))
            {
                into.Add(new SentimentToken { Kind = SentimentTokenKind.Emoji, Valence = valence, BreakBefore = breakPending });
                breakPending = false;
            }
            else
            {
                breakPending |= IsClauseBreak(c);
            }

            return i + consumed;
        }

        breakPending |= IsClauseBreak(c);
        return i + 1;
    }

    /// <summary>Reads one word starting at <paramref name="start"/>; returns the index after it.</summary>
    private static int ReadWord(ReadOnlySpan<char> span, int start, TokenizedMessage into, bool breakBefore)
    {
        Span<char> target = into.BeginWord(span.Length - start, out int bufferStart);
        int length = 0;
        int letters = 0;
        bool hasUpper = false;
        bool hasLower = false;
        bool elongated = false;
        int j = start;
        int run = 0;
        while (j < span.Length)
        {
            char c = span[j];
            if (char.IsAsciiLetterOrDigit(c))
            {
                // The common case, without the general Unicode lookups below. (Scalar on purpose: words are short,
                // and vectorized span helpers cost more than they save at five characters.)
                char lower = c;
                if (char.IsAsciiLetterUpper(c))
                {
                    letters++;
                    hasUpper = true;
                    lower = (char)(c | 0x20);
                }
                else if (char.IsAsciiLetterLower(c))
                {
                    letters++;
                    hasLower = true;
                }

                run = length > 0 && target[length - 1] == lower ? run + 1 : 1;
                elongated |= run >= 3 && lower >= 'a';
                target[length++] = lower;
                j++;
                continue;
            }

            if (IsApostrophe(c))
            {
                // Only inside a word: "don't" yes, "'quoted'" no.
                if (length == 0 || j + 1 >= span.Length || !IsWordCharAt(span, j + 1, out _))
                {
                    break;
                }

                target[length++] = '\'';
                run = 0;
                j++;
                continue;
            }

            if (c < 0x80 || !IsWordCharAt(span, j, out int width))
            {
                break;
            }

            for (int k = 0; k < width; k++)
            {
                char part = span[j + k];
                if (char.IsLetter(part))
                {
                    letters++;
                    hasUpper |= char.IsUpper(part);
                    hasLower |= char.IsLower(part);
                }

                char lower = char.ToLowerInvariant(part);
                run = length > 0 && target[length - 1] == lower ? run + 1 : 1;
                elongated |= run >= 3 && char.IsLetter(part);
                target[length++] = lower;
            }

            j += width;
        }

        bool caps = letters >= 2 && hasUpper && !hasLower;
        if (caps)
        {
            into.CapsWords++;
        }
        else if (hasLower)
        {
            into.LowerWords++;
        }

        into.Add(new SentimentToken
        {
            Start = bufferStart,
            Length = length,
            Kind = SentimentTokenKind.Word,
            IsCaps = caps,
            IsElongated = elongated,
            BreakBefore = breakBefore,
        });
        return j;
    }

    /// <summary>A letter or digit at <paramref name="index"/> (a surrogate pair counts as one, <paramref name="width"/> 2).</summary>
    private static bool IsWordCharAt(ReadOnlySpan<char> span, int index, out int width)
    {
        char c = span[index];
        width = 1;
        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        if (char.IsHighSurrogate(c) && index + 1 < span.Length && char.IsLowSurrogate(span[index + 1]))
        {
            width = 2;
            return Rune.IsLetterOrDigit(new Rune(c, span[index + 1]));
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC';

    private static bool IsClauseBreak(char c) =>
        c is '.' or ',' or ';' or ':' or '!' or '?' or '…' or '—' or '–' or '！' or '？' or '。' or '、' or '，' or '؟' or '¿' or '¡';
}
