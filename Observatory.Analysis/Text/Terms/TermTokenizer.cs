using System.Globalization;
using System.Text;

namespace Observatory.Analysis.Text.Terms;

/// <summary>
/// Splits message text into lower-cased terms for the lexical analyses. A term is a run of letters and digits (any
/// script; combining marks stay inside the word) that may be joined by an apostrophe or a hyphen between two letters
/// or digits. Reuses one buffer, so reading a message allocates nothing per token.
/// </summary>
/// <remarks>
/// Rules, in order:
/// <list type="bullet">
/// <item>Whitespace-separated chunks that hold an e-mail address (a letter or digit on both sides of "@") are skipped
/// whole; from a URL scheme ("https://…") or a leading "www." to the end of the chunk is skipped.</item>
/// <item>Curly apostrophes become "'", and a possessive "'s" is dropped ("user's" → "user"; "it's" → "it").</item>
/// <item>Hyphenated words stay whole when a part holds a digit or is a single character ("gpt-4", "e-mail",
/// "t-shirt"); otherwise they split into their parts ("follow-up" → "follow", "up"; "sign-in" → "sign", "in"), so
/// "follow" counts with "follow" elsewhere.</item>
/// <item>Dropped: tokens without a letter (numbers, "10:30"), tokens shorter than <see cref="MinLength"/>
/// characters, and tokens longer than <see cref="MaxLength"/> (hashes, base64, or whole sentences of a script written
/// without spaces).</item>
/// </list>
/// </remarks>
internal sealed class TermTokenizer
{
    public const int MinLength = 2;
    public const int MaxLength = 40;

    private readonly List<(int Start, int Length)> _pendingParts = [];
    private char[] _buffer = new char[64];
    private string _text = string.Empty;
    private int _position;
    private int _chunkEnd;
    private int _skipFrom;
    private int _pendingIndex;

    public void Reset(string text)
    {
        _text = text;
        _position = 0;
        _chunkEnd = 0;
        _skipFrom = 0;
        _pendingParts.Clear();
        _pendingIndex = 0;
    }

    /// <summary>The next term, lower-cased, valid until the next call.</summary>
    public bool TryNext(out ReadOnlySpan<char> token)
    {
        while (true)
        {
            if (_pendingIndex < _pendingParts.Count)
            {
                (int start, int partLength) = _pendingParts[_pendingIndex++];
                if (Acceptable(start, partLength))
                {
                    token = _buffer.AsSpan(start, partLength);
                    return true;
                }

                continue;
            }

            if (!TryReadWord(out int wordStart, out int wordEnd))
            {
                token = default;
                return false;
            }

            int length = Lower(wordStart, wordEnd);
            if (EndsWithPossessive(length))
            {
                length -= 2;
            }

            if (_buffer.AsSpan(0, length).IndexOf('-') < 0 || KeepsHyphenatedWhole(length))
            {
                if (Acceptable(0, length))
                {
                    token = _buffer.AsSpan(0, length);
                    return true;
                }

                continue;
            }

            QueueHyphenParts(length);
        }
    }

    /// <summary>Finds the next word in the text, moving chunk by chunk so URLs and e-mails can be skipped.</summary>
    private bool TryReadWord(out int start, out int end)
    {
        string text = _text;
        int position = _position;
        while (true)
        {
            int limit = _skipFrom;
            if (position >= limit)
            {
                _position = Math.Max(position, _chunkEnd);
                if (!TryStartChunk())
                {
                    start = end = 0;
                    return false;
                }

                position = _position;
                continue;
            }

            if (!IsWordChar(text, position, out int width))
            {
                position += width;
                continue;
            }

            start = position;
            position += width;
            while (position < limit)
            {
                char c = text[position];
                if (char.IsAsciiLetterOrDigit(c))
                {
                    position++;
                    continue;
                }

                if (c >= 0x80 && (IsWordChar(text, position, out width) || IsMark(c)))
                {
                    position += Math.Max(width, 1);
                    continue;
                }

                if ((IsApostrophe(c) || IsHyphen(c)) && position + 1 < limit && IsWordChar(text, position + 1, out width))
                {
                    position += 1 + width;
                    continue;
                }

                break;
            }

            _position = end = position;
            return true;
        }
    }

    /// <summary>Moves to the next whitespace-separated chunk and decides how much of it to read.</summary>
    private bool TryStartChunk()
    {
        string text = _text;
        int i = _position;
        while (i < text.Length && (text[i] == ' ' || char.IsWhiteSpace(text[i])))
        {
            i++;
        }

        if (i >= text.Length)
        {
            _position = _chunkEnd = _skipFrom = text.Length;
            return false;
        }

        // One pass finds the chunk's end and whether it could hold an e-mail or URL at all, so ordinary words skip
        // those searches.
        int end = i;
        bool hasAt = false;
        bool hasDot = false;
        bool hasColon = false;
        while (end < text.Length)
        {
            char c = text[end];
            if ((c <= ' ' || c >= '\u0085') && char.IsWhiteSpace(c))
            {
                break;
            }

            hasAt |= c == '@';
            hasDot |= c == '.';
            hasColon |= c == ':';
            end++;
        }

        _position = i;
        _chunkEnd = end;
        _skipFrom = hasAt && ContainsEmail(text, i, end) ? i
            : hasColon || hasDot ? UrlStart(text, i, end)
            : end;
        return true;
    }

    private static bool ContainsEmail(string text, int start, int end)
    {
        int at = text.AsSpan(start, end - start).IndexOf('@');
        while (at >= 0)
        {
            int position = start + at;
            if (position > start && position + 1 < end && char.IsLetterOrDigit(text[position - 1]) && char.IsLetterOrDigit(text[position + 1]))
            {
                return true;
            }

            int next = text.AsSpan(position + 1, end - position - 1).IndexOf('@');
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }

    /// <summary>Where a URL begins inside the chunk (its scheme or "www."), or the chunk end when there is none.</summary>
    private static int UrlStart(string text, int start, int end)
    {
        ReadOnlySpan<char> chunk = text.AsSpan(start, end - start);
        int scheme = chunk.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            int s = scheme;
            while (s > 0 && char.IsAsciiLetter(chunk[s - 1]))
            {
                s--;
            }

            return start + s;
        }

        int www = chunk.IndexOf("www.", StringComparison.OrdinalIgnoreCase);
        if (www >= 0 && (www == 0 || !char.IsLetterOrDigit(chunk[www - 1])))
        {
            return start + www;
        }

        return end;
    }

    /// <summary>Copies text[start..end) lower-cased into the buffer, normalizing apostrophes and hyphens.</summary>
    private int Lower(int start, int end)
    {
        int length = end - start;
        if (_buffer.Length < length)
        {
            _buffer = new char[Math.Max(length, _buffer.Length * 2)];
        }

        ReadOnlySpan<char> source = _text.AsSpan(start, length);
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            _buffer[i] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20)
                : c < 0x80 ? c
                : IsApostrophe(c) ? '\''
                : IsHyphen(c) ? '-'
                : char.ToLowerInvariant(c);
        }

        return length;
    }

    private bool EndsWithPossessive(int length) =>
        length >= 3 && _buffer[length - 1] == 's' && _buffer[length - 2] == '\'';

    /// <summary>"gpt-4", "e-mail", "t-shirt" stay one term; "follow-up" does not.</summary>
    private bool KeepsHyphenatedWhole(int length)
    {
        int partStart = 0;
        for (int i = 0; i <= length; i++)
        {
            if (i < length && _buffer[i] != '-')
            {
                continue;
            }

            ReadOnlySpan<char> part = _buffer.AsSpan(partStart, i - partStart);
            if (part.Length <= 1 || part.IndexOfAnyInRange('0', '9') >= 0)
            {
                return true;
            }

            partStart = i + 1;
        }

        return false;
    }

    private void QueueHyphenParts(int length)
    {
        _pendingParts.Clear();
        _pendingIndex = 0;
        int partStart = 0;
        for (int i = 0; i <= length; i++)
        {
            if (i == length || _buffer[i] == '-')
            {
                _pendingParts.Add((partStart, i - partStart));
                partStart = i + 1;
            }
        }
    }

    /// <summary>Long enough, short enough, and holding at least one letter.</summary>
    private bool Acceptable(int start, int length)
    {
        if (length < MinLength || length > MaxLength)
        {
            return false;
        }

        ReadOnlySpan<char> token = _buffer.AsSpan(start, length);
        for (int i = 0; i < token.Length; i++)
        {
            char c = token[i];
            if (char.IsAsciiLetter(c) || (c >= 0x80 && char.IsLetter(c)))
            {
                return true;
            }

            if (char.IsHighSurrogate(c) && i + 1 < token.Length && Rune.TryCreate(c, token[i + 1], out Rune rune) && Rune.IsLetter(rune))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether text[index] starts a letter or digit (a surrogate pair counts as one, width 2).</summary>
    private static bool IsWordChar(string text, int index, out int width)
    {
        char c = text[index];
        if (c < 0x80)
        {
            width = 1;
            return char.IsAsciiLetterOrDigit(c);
        }

        if (char.IsHighSurrogate(c))
        {
            if (index + 1 < text.Length && Rune.TryCreate(c, text[index + 1], out Rune rune))
            {
                width = 2;
                return Rune.IsLetterOrDigit(rune);
            }

            width = 1;
            return false;
        }

        width = 1;
        return char.IsLetterOrDigit(c);
    }

    /// <summary>Combining marks (Devanagari vowel signs, accents typed separately) belong to the word they follow.</summary>
    private static bool IsMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ';

    private static bool IsHyphen(char c) => c is '-' or '‐' or '‑';
}
