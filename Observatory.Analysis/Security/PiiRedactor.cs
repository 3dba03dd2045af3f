using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace Observatory.Analysis.Security;

/// <summary>
/// Replaces personal data and secrets in quoted text with [EMAIL], [PHONE], [CARD], [IP] or [SECRET] and counts the
/// replacements. Pure and thread-safe; text without any candidate character costs one vectorised scan.
/// </summary>
/// <remarks>
/// Covered, in this order (earlier kinds win where they overlap):
/// <list type="bullet">
/// <item>[SECRET]: PEM private key blocks; JWTs (eyJ….….…); vendor-prefixed keys (sk-…, sk_live_…, obs_…, AKIA…,
/// ghp_…/github_pat_…, xox?-…, AIza…, glpat-…, npm_…, hf_…, SG.…); the token after "Bearer"; the value after
/// "password:", "api_key=", "secret=", "token:"… (not already-masked values such as "****"); the password in a URL's
/// user info ("postgres://app:hunter2@db/prod"); the value in "my password is hunter2" when it has a digit or
/// symbol.</item>
/// <item>[EMAIL]: ordinary addresses (Unicode letters, "＠"), and obfuscated ones: "ada (at) example (dot) com",
/// "ada [at] example.com", "ada at example dot com" (the bare "at" form needs a "dot" word).</item>
/// <item>[SECRET]: other long tokens — ≥ 24 base64/hex/url-safe characters mixing letters and digits with high
/// entropy and not made of word chunks (API keys, digests, UUIDs; not "MyVeryLongClassName2" or URL paths).</item>
/// <item>[IP]: IPv6, full and compressed ("2001:db8::1", "fe80::1", "::ffff:192.0.2.1"; not "1::2", "10:04:05" or
/// MAC addresses) and IPv4 dotted quads with octets ≤ 255 (not "1.2.3", not after "version"/"build").</item>
/// <item>[CARD]: 13–19 digits, optionally in groups of 3–6 separated by one kind of space or dash, starting 2–6 and
/// passing the Luhn check (Luhn-failing runs stay).</item>
/// <item>[PHONE]: 7–15 digits with "+CC"/"00CC" or "(area)" ("+44 20 7946 0958", "(555) 123-4567",
/// "+1-202-555-0173", "0049 30 1234567", "+4915112345678"), or two or more dashes/dots ("555.123.4567"), or spaces
/// after a trunk "0" ("020 7946 0958"), or any grouping right after a phone word ("call me at 555-1234"). Dates
/// ("2025-05-01", "01.05.2025"), times ("10:04"), years, amounts ("1.000.000") and references after "order",
/// "invoice", "ticket", "#" stay.</item>
/// </list>
/// Not covered: postal addresses, names, national ID numbers, IBANs, spelled-out digits.
/// </remarks>
internal static class PiiRedactor
{
    public const string EmailPlaceholder = "[EMAIL]";
    public const string PhonePlaceholder = "[PHONE]";
    public const string CardPlaceholder = "[CARD]";
    public const string IpPlaceholder = "[IP]";
    public const string SecretPlaceholder = "[SECRET]";

    private enum Kind
    {
        Whole,
        CredentialValue,
        UrlCredential,
        SpokenCredential,
        TokenLike,
        IPv6,
        IPv4,
        Card,
        Phone,
    }

    /// <summary>Characters at least one pattern needs; text with none of them has nothing to redact.</summary>
    private static readonly SearchValues<char> Triggers = SearchValues.Create("0123456789@＠-_");

    /// <summary>Redacts <paramref name="text"/> and adds the number of replacements to <paramref name="count"/>.</summary>
    public static string Redact(string text, ref int count)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || !MayContainPii(text))
        {
            return text;
        }

        text = Apply(text, PiiPatterns.PrivateKeyBlock(), Kind.Whole, SecretPlaceholder, ref count);
        text = Apply(text, PiiPatterns.JsonWebToken(), Kind.Whole, SecretPlaceholder, ref count);
        text = Apply(text, PiiPatterns.PrefixedApiKey(), Kind.Whole, SecretPlaceholder, ref count);
        text = Apply(text, PiiPatterns.BearerToken(), Kind.CredentialValue, SecretPlaceholder, ref count);
        text = Apply(text, PiiPatterns.UrlCredential(), Kind.UrlCredential, SecretPlaceholder, ref count);
        text = Apply(text, PiiPatterns.CredentialAssignment(), Kind.CredentialValue, SecretPlaceholder, ref count);
        text = Apply(text, PiiPatterns.CredentialSentence(), Kind.SpokenCredential, SecretPlaceholder, ref count);
        text = Apply(text, PiiPatterns.Email(), Kind.Whole, EmailPlaceholder, ref count);
        if (MayHideEmail(text))
        {
            text = Apply(text, PiiPatterns.ObfuscatedEmail(), Kind.Whole, EmailPlaceholder, ref count);
        }

        text = Apply(text, PiiPatterns.TokenLike(), Kind.TokenLike, SecretPlaceholder, ref count);
        if (text.AsSpan().IndexOfAnyInRange('0', '9') < 0)
        {
            return text;
        }

        if (text.Contains(':'))
        {
            text = Apply(text, PiiPatterns.IPv6(), Kind.IPv6, IpPlaceholder, ref count);
        }

        text = Apply(text, PiiPatterns.IPv4(), Kind.IPv4, IpPlaceholder, ref count);
        text = Apply(text, PiiPatterns.CardNumber(), Kind.Card, CardPlaceholder, ref count);
        return Apply(text, PiiPatterns.Phone(), Kind.Phone, PhonePlaceholder, ref count);
    }

    /// <summary>The redacted text and the number of replacements.</summary>
    public static (string Text, int Replacements) Redact(string text)
    {
        int count = 0;
        string redacted = Redact(text, ref count);
        return (redacted, count);
    }

    /// <summary>How many values <see cref="Redact(string, ref int)"/> would replace.</summary>
    public static int Count(string text)
    {
        int count = 0;
        Redact(text, ref count);
        return count;
    }

    /// <summary>Every pattern needs a digit, "@", "-" or "_" — except spelled-out e-mails and credential phrases,
    /// which need "(at)"/" dot ", or "pass"/"secret"/"token"/"key"/"bearer"/"pwd"/"pin".</summary>
    private static bool MayContainPii(string text) =>
        text.AsSpan().IndexOfAny(Triggers) >= 0 || text.AsSpan().IndexOfAny(TriggerWords) >= 0;

    private static bool MayHideEmail(string text) => text.AsSpan().IndexOfAny(ObfuscatedEmailMarkers) >= 0;

    private static readonly SearchValues<string> ObfuscatedEmailMarkers = SearchValues.Create(
        [" dot ", "at)", "at]", "at}", "at>", "at )", "at ]"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> TriggerWords = SearchValues.Create(
        [" dot ", "at)", "at]", "at}", "at>", "at )", "at ]", "pass", "secret", "token", "key", "bearer", "pwd", "pin "],
        StringComparison.OrdinalIgnoreCase);

    private static string Apply(string text, Regex regex, Kind kind, string placeholder, ref int count)
    {
        Match match = regex.Match(text);
        if (!match.Success)
        {
            return text;
        }

        StringBuilder? builder = null;
        int copied = 0;
        for (; match.Success; match = match.NextMatch())
        {
            if (!Accept(text, match, kind, out int start, out int length))
            {
                continue;
            }

            builder ??= new StringBuilder(text.Length);
            builder.Append(text, copied, start - copied).Append(placeholder);
            copied = start + length;
            count++;
        }

        if (builder is null)
        {
            return text;
        }

        builder.Append(text, copied, text.Length - copied);
        return builder.ToString();
    }

    private static bool Accept(string text, Match match, Kind kind, out int start, out int length)
    {
        start = match.Index;
        length = match.Length;
        switch (kind)
        {
            case Kind.CredentialValue:
            case Kind.SpokenCredential:
                Group value = match.Groups["v"];
                start = value.Index;
                length = PiiValidators.TrimTrailingPunctuation(value.ValueSpan);
                ReadOnlySpan<char> trimmed = value.ValueSpan[..length];
                return kind == Kind.CredentialValue
                    ? PiiValidators.IsAssignedCredential(trimmed)
                    : PiiValidators.IsSpokenCredential(trimmed);
            case Kind.UrlCredential:
                // The value ends at "@", so trailing punctuation belongs to the password ("S3cret!").
                Group password = match.Groups["v"];
                start = password.Index;
                length = password.Length;
                return PiiValidators.IsAssignedCredential(password.ValueSpan);
            case Kind.TokenLike:
                return PiiValidators.IsSecretToken(match.ValueSpan);
            case Kind.IPv6:
                return PiiValidators.IsIPv6(match.ValueSpan);
            case Kind.IPv4:
                return PiiValidators.IsIPv4(text, match.Index);
            case Kind.Card:
                return PiiValidators.IsCardNumber(match.ValueSpan);
            case Kind.Phone:
                return PiiValidators.IsPhone(text, match);
            default:
                return true;
        }
    }
}
