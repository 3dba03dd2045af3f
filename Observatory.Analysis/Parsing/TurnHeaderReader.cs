namespace Observatory.Analysis.Parsing;

/// <summary>
/// Recognizes the shape of a turn header: an optional time ("[10:04]", "10:04", "2025-05-01 10:04:12",
/// "[2025-05-01T10:04:12Z]", optionally followed by "-", "–", "—" or "|"), then a short label, then a colon
/// (ASCII or full-width). "Ada [10:04]:" and markdown "**Ada:**" / "**Ada**:" are accepted too.
/// </summary>
/// <remarks>
/// A label must look like a name, not like prose, code or an address: it starts at the first column with a letter
/// or digit (or an emoji), holds at least one letter, has at most <see cref="MaxLabelLength"/> characters and
/// <see cref="MaxLabelWords"/> words, uses only letters, digits, spaces and name punctuation (. - _ ' ’ ( ) [ ] # @ &amp; +),
/// and the colon is not followed by "/", "\" or ":" ("https://x", "C:\dir", "std::map"). Only a bounded prefix of
/// each line is examined, so reading is linear in the transcript length.
/// </remarks>
internal static class TurnHeaderReader
{
    public const int MaxLabelLength = 40;
    public const int MaxLabelWords = 4;

    // A bracketed time plus separator plus markup never needs more than this; labels are capped separately.
    private const int MaxTimePrefixLength = 48;

    private static readonly HashSet<string> UriSchemes = new(StringComparer.OrdinalIgnoreCase)
    {
        "http", "https", "ftp", "sftp", "ssh", "file", "mailto", "tel", "urn", "data", "javascript", "git", "ws", "wss",
    };

    public static bool TryRead(ReadOnlySpan<char> line, out TurnHeader header)
    {
        header = default;
        if (line.IsEmpty || char.IsWhiteSpace(line[0]))
        {
            return false;
        }

        int position = 0;
        LineTime? prefixTime = null;
        if (TryReadTimePrefix(line, out LineTime time, out int afterPrefix))
        {
            prefixTime = time;
            position = afterPrefix;
        }

        if (!TryReadLabel(line, position, out string label, out LineTime? labelTime, out int contentStart))
        {
            return false;
        }

        header = new TurnHeader(label, prefixTime ?? labelTime, contentStart);
        return true;
    }

    private static bool TryReadTimePrefix(ReadOnlySpan<char> line, out LineTime time, out int position)
    {
        time = default;
        position = 0;
        char first = line[0];
        if (first is '[' or '(')
        {
            char closing = first == '[' ? ']' : ')';
            int searchLength = Math.Min(line.Length, MaxTimePrefixLength);
            int close = line[..searchLength].IndexOf(closing);
            if (close < 0 || !TimeTextReader.TryReadExact(line[1..close], out time))
            {
                return false;
            }

            position = close + 1;
        }
        else if (char.IsAsciiDigit(first))
        {
            // A bare time must be followed by a space: "10:04 Ada:", never "10:04Ada:".
            if (!TimeTextReader.TryRead(line, out time, out int consumed)
                || consumed >= line.Length || !char.IsWhiteSpace(line[consumed]))
            {
                return false;
            }

            position = consumed;
        }
        else
        {
            return false;
        }

        position = SkipSpaces(line, position);
        if (position + 1 < line.Length && line[position] is '-' or '–' or '—' or '|' && char.IsWhiteSpace(line[position + 1]))
        {
            position = SkipSpaces(line, position + 1);
        }

        return true;
    }

    private static bool TryReadLabel(ReadOnlySpan<char> line, int start, out string label, out LineTime? labelTime, out int contentStart)
    {
        label = string.Empty;
        labelTime = null;
        contentStart = 0;

        bool emphasized = HasEmphasisAt(line, start);
        int labelStart = emphasized ? start + 2 : start;
        int scanEnd = Math.Min(line.Length, labelStart + MaxLabelLength + MaxTimePrefixLength);

        int colon = -1;
        int bracketDepth = 0;
        for (int i = labelStart; i < scanEnd; i++)
        {
            char c = line[i];
            if (c is ':' or '：' && bracketDepth == 0)
            {
                colon = i;
                break;
            }

            if (c is '[' or '(')
            {
                bracketDepth++;
            }
            else if (c is ']' or ')')
            {
                bracketDepth--;
                if (bracketDepth < 0)
                {
                    return false;
                }
            }
            else if (bracketDepth == 0 && !IsLabelChar(c) && !(emphasized && c is '*' or '_'))
            {
                return false;
            }
        }

        if (colon < 0)
        {
            return false;
        }

        int afterColon = colon + 1;
        if (afterColon < line.Length && line[afterColon] is '/' or '\\' or ':')
        {
            return false;
        }

        ReadOnlySpan<char> text = line[labelStart..colon].TrimEnd();
        if (emphasized)
        {
            if (!text.EndsWith("**") && !text.EndsWith("__") && !HasEmphasisAt(line, afterColon))
            {
                return false;
            }

            text = text.TrimEnd("*_").TrimEnd();
            if (HasEmphasisAt(line, afterColon))
            {
                afterColon += 2;
            }
        }

        if (!TrySplitTrailingTime(ref text, out labelTime) || !IsPlausibleLabel(text))
        {
            return false;
        }

        label = text.ToString();
        if (UriSchemes.Contains(label))
        {
            return false;
        }

        contentStart = SkipSpaces(line, afterColon);
        return true;
    }

    /// <summary>"Ada [10:04]" → "Ada" and the time. Other bracketed text ("User (Ada)") stays in the label.</summary>
    private static bool TrySplitTrailingTime(ref ReadOnlySpan<char> text, out LineTime? time)
    {
        time = null;
        if (text.IsEmpty || text[^1] is not (']' or ')'))
        {
            return true;
        }

        char opening = text[^1] == ']' ? '[' : '(';
        int open = text.LastIndexOf(opening);
        if (open < 0)
        {
            return false;
        }

        if (TimeTextReader.TryReadExact(text[(open + 1)..^1], out LineTime parsed))
        {
            time = parsed;
            text = text[..open].TrimEnd();
        }

        return true;
    }

    private static bool IsPlausibleLabel(ReadOnlySpan<char> label)
    {
        if (label.IsEmpty || label.Length > MaxLabelLength)
        {
            return false;
        }

        char first = label[0];
        if (!char.IsLetterOrDigit(first) && !char.IsHighSurrogate(first))
        {
            return false;
        }

        bool hasLetter = false;
        int words = 0;
        bool inWord = false;
        foreach (char c in label)
        {
            hasLetter |= char.IsLetter(c);
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                words++;
            }
        }

        return hasLetter && words <= MaxLabelWords;
    }

    private static bool IsLabelChar(char c) =>
        char.IsLetterOrDigit(c)
        || c is ' ' or '.' or '-' or '_' or '\'' or '’' or '#' or '@' or '&' or '+'
        || char.IsSurrogate(c)
        || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark
            or System.Globalization.UnicodeCategory.EnclosingMark;

    private static bool HasEmphasisAt(ReadOnlySpan<char> line, int position) =>
        position + 1 < line.Length && line[position] == line[position + 1] && line[position] is '*' or '_';

    private static int SkipSpaces(ReadOnlySpan<char> line, int position)
    {
        while (position < line.Length && char.IsWhiteSpace(line[position]))
        {
            position++;
        }

        return position;
    }
}
