using System.Text;

namespace Observatory.Analysis.Text;

/// <summary>
/// The engine's single definition of a word: a run of non-whitespace (Unicode whitespace) that contains at least
/// one letter or digit. "—", "👍" and "..." are not words; "it's", "GPT-4" and "٣" are.
/// </summary>
internal static class WordCounter
{
    public static int Count(string text)
    {
        int words = 0;
        bool inToken = false;
        bool tokenCounted = false;
        ReadOnlySpan<char> span = text.AsSpan();
        for (int i = 0; i < span.Length; i++)
        {
            char c = span[i];
            if (char.IsWhiteSpace(c))
            {
                inToken = false;
                continue;
            }

            if (!inToken)
            {
                inToken = true;
                tokenCounted = false;
            }

            if (tokenCounted)
            {
                continue;
            }

            bool letterOrDigit;
            if (char.IsHighSurrogate(c) && Rune.TryGetRuneAt(text, i, out Rune rune))
            {
                letterOrDigit = Rune.IsLetterOrDigit(rune);
                i++;
            }
            else
            {
                letterOrDigit = char.IsLetterOrDigit(c);
            }

            if (letterOrDigit)
            {
                words++;
                tokenCounted = true;
            }
        }

        return words;
    }
}
