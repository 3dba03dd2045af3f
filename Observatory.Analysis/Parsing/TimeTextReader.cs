namespace Observatory.Analysis.Parsing;

/// <summary>
/// Reads the date/time notations transcripts put before (or after) a speaker label: "2025-05-01", "2025/05/01",
/// "2025-05-01 10:04", "2025-05-01T10:04:12.5Z", "10:04", "10:04:12", "9:04 PM", with an optional zone
/// ("Z", "+02:00", "-0500", "UTC", "GMT"). Dates are year-first only: "05/01/25" is ambiguous and is not a date.
/// </summary>
internal static class TimeTextReader
{
    /// <summary>Reads a notation at the start of <paramref name="text"/>; it must end at a non-alphanumeric char.</summary>
    public static bool TryRead(ReadOnlySpan<char> text, out LineTime time, out int consumed)
    {
        time = default;
        consumed = 0;
        int position = 0;
        DateOnly? date = null;
        TimeOnly? timeOfDay = null;
        TimeSpan? offset = null;

        if (TryReadDate(text, ref position, out DateOnly parsedDate))
        {
            date = parsedDate;
            if (position < text.Length && (text[position] == 'T' || text[position] == ' '))
            {
                int afterSeparator = position + 1;
                if (TryReadTimeWithZone(text, ref afterSeparator, out TimeOnly parsedTime, out offset))
                {
                    timeOfDay = parsedTime;
                    position = afterSeparator;
                }
            }
        }
        else if (TryReadTimeWithZone(text, ref position, out TimeOnly parsedTime, out offset))
        {
            timeOfDay = parsedTime;
        }
        else
        {
            return false;
        }

        if (position < text.Length && char.IsLetterOrDigit(text[position]))
        {
            return false;
        }

        time = new LineTime(date, timeOfDay, offset);
        consumed = position;
        return true;
    }

    /// <summary>Reads a notation that must fill all of <paramref name="text"/> (the inside of "[…]").</summary>
    public static bool TryReadExact(ReadOnlySpan<char> text, out LineTime time)
    {
        text = text.Trim();
        return TryRead(text, out time, out int consumed) && consumed == text.Length;
    }

    private static bool TryReadDate(ReadOnlySpan<char> text, ref int position, out DateOnly date)
    {
        date = default;
        int p = position;
        if (!TryReadDigits(text, ref p, 4, 4, out int year) || p >= text.Length || (text[p] != '-' && text[p] != '/'))
        {
            return false;
        }

        char separator = text[p++];
        if (!TryReadDigits(text, ref p, 1, 2, out int month) || p >= text.Length || text[p] != separator)
        {
            return false;
        }

        p++;
        if (!TryReadDigits(text, ref p, 1, 2, out int day)
            || year is < 1000 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        position = p;
        return true;
    }

    private static bool TryReadTimeWithZone(ReadOnlySpan<char> text, ref int position, out TimeOnly time, out TimeSpan? offset)
    {
        offset = null;
        int p = position;
        if (!TryReadTimeOfDay(text, ref p, out time))
        {
            return false;
        }

        TryReadZone(text, ref p, out offset);
        position = p;
        return true;
    }

    private static bool TryReadTimeOfDay(ReadOnlySpan<char> text, ref int position, out TimeOnly time)
    {
        time = default;
        int p = position;
        if (!TryReadDigits(text, ref p, 1, 2, out int hour) || p >= text.Length || text[p] != ':')
        {
            return false;
        }

        p++;
        if (!TryReadDigits(text, ref p, 2, 2, out int minute))
        {
            return false;
        }

        int second = 0;
        long fractionTicks = 0;
        if (p + 1 < text.Length && text[p] == ':' && char.IsAsciiDigit(text[p + 1]))
        {
            p++;
            if (!TryReadDigits(text, ref p, 2, 2, out second))
            {
                return false;
            }

            if (p + 1 < text.Length && (text[p] == '.' || text[p] == ',') && char.IsAsciiDigit(text[p + 1]))
            {
                p++;
                fractionTicks = ReadFractionTicks(text, ref p);
            }
        }

        if (TryReadMeridiem(text, ref p, out bool afternoon))
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            hour = hour % 12 + (afternoon ? 12 : 0);
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new TimeOnly(hour, minute, second).Add(TimeSpan.FromTicks(fractionTicks));
        position = p;
        return true;
    }

    /// <summary>Reads up to 7 fraction digits (100 ns resolution) and skips any further ones.</summary>
    private static long ReadFractionTicks(ReadOnlySpan<char> text, ref int position)
    {
        long ticks = 0;
        int digits = 0;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            if (digits < 7)
            {
                ticks = ticks * 10 + (text[position] - '0');
                digits++;
            }

            position++;
        }

        for (; digits < 7; digits++)
        {
            ticks *= 10;
        }

        return ticks;
    }

    /// <summary>"AM", "pm", "a.m." — optionally after one space, and not followed by a letter.</summary>
    private static bool TryReadMeridiem(ReadOnlySpan<char> text, ref int position, out bool afternoon)
    {
        afternoon = false;
        int p = position;
        if (p < text.Length && text[p] == ' ')
        {
            p++;
        }

        if (p >= text.Length || (char.ToLowerInvariant(text[p]) is not ('a' or 'p')))
        {
            return false;
        }

        afternoon = char.ToLowerInvariant(text[p]) == 'p';
        p++;
        bool dotted = p < text.Length && text[p] == '.';
        if (dotted)
        {
            p++;
        }

        if (p >= text.Length || char.ToLowerInvariant(text[p]) != 'm')
        {
            return false;
        }

        p++;
        if (dotted && p < text.Length && text[p] == '.')
        {
            p++;
        }

        if (p < text.Length && char.IsLetter(text[p]))
        {
            return false;
        }

        position = p;
        return true;
    }

    private static void TryReadZone(ReadOnlySpan<char> text, ref int position, out TimeSpan? offset)
    {
        offset = null;
        int p = position;
        if (p < text.Length && text[p] == 'Z')
        {
            offset = TimeSpan.Zero;
            position = p + 1;
            return;
        }

        if (p < text.Length && (text[p] == '+' || text[p] == '-'))
        {
            int sign = text[p] == '-' ? -1 : 1;
            int q = p + 1;
            // "+0200" packs hours and minutes together, so the hour digits may be followed by more digits.
            if (TryReadDigits(text, ref q, 2, 2, out int hours, allowMoreDigits: true))
            {
                if (q < text.Length && text[q] == ':')
                {
                    q++;
                }

                if (TryReadDigits(text, ref q, 2, 2, out int minutes) && hours <= 14 && minutes <= 59)
                {
                    offset = sign * new TimeSpan(hours, minutes, 0);
                    position = q;
                }
            }

            return;
        }

        if (p < text.Length && text[p] == ' ')
        {
            p++;
        }

        ReadOnlySpan<char> rest = text[p..];
        if ((rest.StartsWith("UTC", StringComparison.Ordinal) || rest.StartsWith("GMT", StringComparison.Ordinal))
            && (rest.Length == 3 || !char.IsLetterOrDigit(rest[3])))
        {
            offset = TimeSpan.Zero;
            position = p + 3;
        }
    }

    /// <summary>Reads minDigits..maxDigits ASCII digits; unless allowed, a further digit means the number is too long.</summary>
    private static bool TryReadDigits(ReadOnlySpan<char> text, ref int position, int minDigits, int maxDigits, out int value, bool allowMoreDigits = false)
    {
        value = 0;
        int p = position;
        while (p < text.Length && p - position < maxDigits && char.IsAsciiDigit(text[p]))
        {
            value = value * 10 + (text[p] - '0');
            p++;
        }

        int count = p - position;
        if (count < minDigits || (!allowMoreDigits && p < text.Length && char.IsAsciiDigit(text[p])))
        {
            return false;
        }

        position = p;
        return true;
    }
}
