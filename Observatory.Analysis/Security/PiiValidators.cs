using System.Net;
using System.Text.RegularExpressions;

namespace Observatory.Analysis.Security;

/// <summary>
/// Second-stage checks on <see cref="PiiPatterns"/> candidates: which ones are really personal data or secrets, and
/// which part of the match to replace.
/// </summary>
internal static class PiiValidators
{
    private const int ContextChars = 28;

    /// <summary>Luhn (mod 10) check over the digits of <paramref name="text"/>, ignoring separators.</summary>
    public static bool PassesLuhn(ReadOnlySpan<char> text)
    {
        int sum = 0;
        bool doubleIt = false;
        for (int i = text.Length - 1; i >= 0; i--)
        {
            char c = text[i];
            if (c is < '0' or > '9')
            {
                continue;
            }

            int digit = c - '0';
            if (doubleIt)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    /// <summary>
    /// A card number: 13–19 digits, first digit 2–6 (the networks' ranges: Mastercard 2/5, Amex/Diners/JCB 3, Visa 4,
    /// Discover/UnionPay 6), groups of 3–6 digits when separated, one kind of separator, passing Luhn.
    /// </summary>
    public static bool IsCardNumber(ReadOnlySpan<char> candidate)
    {
        int digits = 0, group = 0;
        char separator = '\0';
        foreach (char c in candidate)
        {
            if (c is >= '0' and <= '9')
            {
                digits++;
                group++;
                continue;
            }

            if (separator != '\0' && c != separator || group is < 3 or > 6)
            {
                return false;
            }

            separator = c;
            group = 0;
        }

        if (separator != '\0' && group is < 3 or > 6)
        {
            return false;
        }

        return digits is >= 13 and <= 19 && candidate[0] is >= '2' and <= '6' && PassesLuhn(candidate);
    }

    /// <summary>
    /// Whether a <see cref="PiiPatterns.Phone"/> candidate is a phone number: 7–15 digits, and one of — an
    /// international prefix ("+44", "0049") or an "(area)" part; or at least two separators of one kind that are
    /// dashes or dots ("555-123-4567", "555.123.4567"); or spaces with a leading trunk "0" ("020 7946 0958"); or the
    /// North American 3-3-4 grouping ("555 123 4567"); or a phone word ("call", "tel", "mobile"…) just before it. Never a date (2025-05-01, 01.05.2025), a thousands-grouped
    /// amount (1.000.000, 123 456 789) or a reference after "order", "invoice", "ticket"…
    /// </summary>
    public static bool IsPhone(string text, Match match)
    {
        ReadOnlySpan<char> candidate = match.ValueSpan;
        Span<int> groups = stackalloc int[8];
        int groupCount = 0, digits = 0, separators = 0;
        char separator = '\0';
        bool mixed = false;
        foreach (char c in candidate)
        {
            if (c is >= '0' and <= '9')
            {
                digits++;
                if (groupCount == 0)
                {
                    groupCount = 1;
                }

                if (groupCount <= groups.Length)
                {
                    groups[groupCount - 1]++;
                }

                continue;
            }

            if (c is ' ' or '.' or '-')
            {
                separators++;
                mixed |= separator != '\0' && separator != c;
                separator = c;
                groupCount++;
            }
        }

        if (digits is < 7 or > 15)
        {
            return false;
        }

        ReadOnlySpan<char> before = Before(text, match.Index);
        if (EndsWithReferenceWord(before))
        {
            return false;
        }

        bool international = match.Groups["prefix"].Success || candidate[0] == '+';
        bool area = match.Groups["area"].Success;
        if (international || area)
        {
            return true;
        }

        groups = groups[..Math.Min(groupCount, groups.Length)];
        if (LooksLikeDate(groups, separator) || LooksLikeThousands(groups))
        {
            return false;
        }

        if (EndsWithPhoneWord(before) || groups is [3, 3, 4])
        {
            // A phone word right before, or the North American 3-3-4 shape ("555 123 4567").
            return true;
        }

        if (mixed || separators < 2)
        {
            return false;
        }

        return separator is '-' or '.' || separator == ' ' && candidate[0] == '0';
    }

    /// <summary>IPv6 that is not code or a clock: parses, has a digit and at least four hex digits ("fe80::1" yes, "1::2" no).</summary>
    public static bool IsIPv6(ReadOnlySpan<char> candidate)
    {
        int colons = 0, hexDigits = 0;
        bool digit = false;
        foreach (char c in candidate)
        {
            colons += c == ':' ? 1 : 0;
            hexDigits += char.IsAsciiHexDigit(c) ? 1 : 0;
            digit |= char.IsAsciiDigit(c);
        }

        return colons >= 2 && digit && hexDigits >= 4
            && IPAddress.TryParse(candidate, out IPAddress? address)
            && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
    }

    /// <summary>IPv4 unless introduced as a version or build number ("version 1.2.3.4", "build 10.0.19045.1").</summary>
    public static bool IsIPv4(string text, int index)
    {
        ReadOnlySpan<char> before = Before(text, index).TrimEnd().TrimEnd('.').TrimEnd(':');
        int start = before.Length;
        while (start > 0 && char.IsLetter(before[start - 1]))
        {
            start--;
        }

        ReadOnlySpan<char> word = before[start..];
        return !(word.Equals("version", StringComparison.OrdinalIgnoreCase)
            || word.Equals("ver", StringComparison.OrdinalIgnoreCase)
            || word.Equals("v", StringComparison.OrdinalIgnoreCase)
            || word.Equals("build", StringComparison.OrdinalIgnoreCase)
            || word.Equals("release", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A secret-looking token: at least 24 characters (padding aside) with letters and digits, Shannon entropy ≥ 3
    /// bits per character, and not made mostly of natural word chunks — so "MyVeryLongClassName2", "src/2024/reports"
    /// and "aaaaaaaaaaaaaaaaaaaaaaaa1" stay, while API keys, hex digests, UUIDs and base64 blobs go.
    /// </summary>
    public static bool IsSecretToken(ReadOnlySpan<char> candidate)
    {
        ReadOnlySpan<char> body = candidate.TrimEnd('=');
        if (body.Length < 24)
        {
            return false;
        }

        int letters = 0, digits = 0;
        foreach (char c in body)
        {
            letters += char.IsAsciiLetter(c) ? 1 : 0;
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        if (letters == 0 || digits == 0 || Entropy(body) < 3.0)
        {
            return false;
        }

        return WordChunkCharacters(body) * 2 < body.Length;
    }

    /// <summary>"password is hunter2": only values with a digit or symbol ("password is incorrect" stays).</summary>
    public static bool IsSpokenCredential(ReadOnlySpan<char> value)
    {
        foreach (char c in value)
        {
            if (!char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Assigned credential values, except already-masked ones ("****", "xxx") and placeholders ("[SECRET]").</summary>
    public static bool IsAssignedCredential(ReadOnlySpan<char> value)
    {
        if (value.StartsWith('['))
        {
            return false;
        }

        foreach (char c in value)
        {
            if (c is not ('*' or '•' or 'x' or 'X' or '.' or '…'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Trailing sentence punctuation is not part of a value: "password is hunter2." keeps its period.</summary>
    public static int TrimTrailingPunctuation(ReadOnlySpan<char> value)
    {
        int length = value.Length;
        while (length > 1 && value[length - 1] is '.' or '!' or '?' or ')' or ']' or ':')
        {
            length--;
        }

        return length;
    }

    private static ReadOnlySpan<char> Before(string text, int index)
    {
        int start = Math.Max(0, index - ContextChars);
        return text.AsSpan(start, index - start);
    }

    private static bool EndsWithPhoneWord(ReadOnlySpan<char> before) => EndsWithWordThenFiller(before,
        ["phone", "tel", "telephone", "mobile", "cell", "call", "text", "sms", "whatsapp", "fax", "ring", "reach", "dial", "contact", "number", "landline"]);

    private static bool EndsWithReferenceWord(ReadOnlySpan<char> before) => EndsWithWordThenFiller(before,
        ["order", "invoice", "ticket", "case", "ref", "reference", "tracking", "account", "id", "serial", "sku", "po", "isbn", "no", "nr", "#"]);

    /// <summary>True when the last word before the candidate (skipping ":", "#", "is", "at", "on", "me") is one of <paramref name="words"/>.</summary>
    private static bool EndsWithWordThenFiller(ReadOnlySpan<char> before, ReadOnlySpan<string> words)
    {
        int end = before.Length;
        for (int hops = 0; hops < 4; hops++)
        {
            while (end > 0 && !char.IsLetter(before[end - 1]))
            {
                if (before[end - 1] == '#' && words.Contains("#"))
                {
                    return true;
                }

                end--;
            }

            int start = end;
            while (start > 0 && char.IsLetter(before[start - 1]))
            {
                start--;
            }

            if (start == end)
            {
                return false;
            }

            ReadOnlySpan<char> word = before[start..end];
            foreach (string candidate in words)
            {
                if (word.Equals(candidate, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            bool filler = word.Equals("is", StringComparison.OrdinalIgnoreCase) || word.Equals("at", StringComparison.OrdinalIgnoreCase)
                || word.Equals("on", StringComparison.OrdinalIgnoreCase) || word.Equals("me", StringComparison.OrdinalIgnoreCase)
                || word.Equals("my", StringComparison.OrdinalIgnoreCase) || word.Equals("number", StringComparison.OrdinalIgnoreCase)
                || word.Equals("us", StringComparison.OrdinalIgnoreCase) || word.Equals("or", StringComparison.OrdinalIgnoreCase);
            if (!filler || start == 0)
            {
                return false;
            }

            end = start;
        }

        return false;
    }

    /// <summary>yyyy-mm-dd, dd.mm.yyyy, mm/dd/yyyy-shaped groups (with a plausible month and day).</summary>
    private static bool LooksLikeDate(ReadOnlySpan<int> groups, char separator)
    {
        if (groups.Length != 3 || separator == ' ')
        {
            return false;
        }

        return groups[0] == 4 && groups[1] <= 2 && groups[2] <= 2
            || groups[0] <= 2 && groups[1] <= 2 && (groups[2] == 4 || groups[2] == 2);
    }

    /// <summary>1.000.000 or 123 456 789: every group after a first of 1–3 digits has exactly three.</summary>
    private static bool LooksLikeThousands(ReadOnlySpan<int> groups)
    {
        if (groups.Length < 2 || groups[0] > 3)
        {
            return false;
        }

        for (int i = 1; i < groups.Length; i++)
        {
            if (groups[i] != 3)
            {
                return false;
            }
        }

        return true;
    }

    private static double Entropy(ReadOnlySpan<char> text)
    {
        Span<int> counts = stackalloc int[128];
        counts.Clear();
        foreach (char c in text)
        {
            counts[c & 127]++;
        }

        double entropy = 0;
        foreach (int count in counts)
        {
            if (count > 0)
            {
                double p = (double)count / text.Length;
                entropy -= p * Math.Log2(p);
            }
        }

        return entropy;
    }

    /// <summary>
    /// Characters in natural word chunks: the token split at separators, letter/digit changes and lower→upper case
    /// changes; a chunk counts when it has ≥ 3 letters and is lower-case or Capitalised ("Class", "name", "video").
    /// </summary>
    private static int WordChunkCharacters(ReadOnlySpan<char> token)
    {
        int total = 0, start = 0;
        for (int i = 1; i <= token.Length; i++)
        {
            bool boundary = i == token.Length
                || !char.IsAsciiLetter(token[i]) || !char.IsAsciiLetter(token[i - 1])
                || char.IsAsciiLetterLower(token[i - 1]) && char.IsAsciiLetterUpper(token[i]);
            if (!boundary)
            {
                continue;
            }

            ReadOnlySpan<char> chunk = token[start..i];
            if (chunk.Length >= 3 && IsNaturalWord(chunk))
            {
                total += chunk.Length;
            }

            start = i;
        }

        return total;
    }

    private static bool IsNaturalWord(ReadOnlySpan<char> chunk)
    {
        for (int i = 0; i < chunk.Length; i++)
        {
            if (!char.IsAsciiLetter(chunk[i]) || i > 0 && char.IsAsciiLetterUpper(chunk[i]))
            {
                return false;
            }
        }

        // Runs of consonants rarely make words: "xqzvbt" is noise, "config" is not.
        int vowels = 0;
        foreach (char c in chunk)
        {
            vowels += "aeiouyAEIOUY".Contains(c) ? 1 : 0;
        }

        return vowels * 5 >= chunk.Length;
    }
}
