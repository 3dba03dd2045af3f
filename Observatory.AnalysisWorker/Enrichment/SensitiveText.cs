using System.Text.RegularExpressions;

namespace Observatory.AnalysisWorker.Enrichment;

/// <summary>
/// Replaces personal data and secret-looking tokens in text written by the model with <c>[EMAIL]</c>, <c>[PHONE]</c>,
/// <c>[CARD]</c>, <c>[IP]</c>, <c>[SECRET]</c> (CONTRACT §3: quoted text in results never contains them). Deliberately
/// self-contained so the enrichment step does not depend on the engine's internals; keep the placeholders in step with
/// the engine's.
/// </summary>
internal static partial class SensitiveText
{
    public static string Redact(string text, out int count)
    {
        var replaced = 0;
        string Replace(Regex pattern, string input, string placeholder, Func<Match, bool>? accept = null) =>
            pattern.Replace(input, m =>
            {
                if (accept is not null && !accept(m)) return m.Value;
                replaced++;
                return placeholder;
            });

        var result = Replace(Secret(), text, "[SECRET]");
        result = Replace(Email(), result, "[EMAIL]");
        result = Replace(Card(), result, "[CARD]", m => Luhn(m.Value));
        result = Replace(IpV4(), result, "[IP]");
        result = Replace(IpV6(), result, "[IP]", m => m.Value.Count(c => c == ':') >= 2 && m.Value.Any(char.IsDigit));
        result = Replace(Phone(), result, "[PHONE]", m => m.Value.Count(char.IsDigit) is >= 7 and <= 15 && !Date().IsMatch(m.Value));
        count = replaced;
        return result;
    }

    private static bool Luhn(string value)
    {
        var digits = value.Where(char.IsDigit).Select(c => c - '0').ToArray();
        if (digits.Length is < 13 or > 19) return false;
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return sum % 10 == 0;
    }

    [GeneratedRegex(@"(?:\b(?:sk|pk|rk|obs|ghp|gho|ghs|xox[abps]|whsec|AKIA)[-_][A-Za-z0-9_\-]{8,}|\bBearer\s+[A-Za-z0-9._~+/\-]{16,}=*|\beyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}|\b(?=[A-Za-z0-9+/_\-]*\d)(?=[A-Za-z0-9+/_\-]*[A-Za-z])[A-Za-z0-9+/_\-]{32,}={0,2})", RegexOptions.CultureInvariant)]
    private static partial Regex Secret();

    [GeneratedRegex(@"\b[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"\b\d(?:[ \-]?\d){12,18}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Card();

    [GeneratedRegex(@"\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex IpV4();

    [GeneratedRegex(@"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){2,7}(?::|[0-9A-Fa-f]{1,4})(?![\w:])", RegexOptions.CultureInvariant)]
    private static partial Regex IpV6();

    [GeneratedRegex(@"^\d{4}[\-./ ]\d{1,2}[\-./ ]\d{1,2}$|^\d{1,2}[\-./ ]\d{1,2}[\-./ ]\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Date();

    [GeneratedRegex(@"(?<![\w+])\+?\(?\d{1,4}\)?(?:[ .\-]?\(?\d{2,4}\)?){2,5}(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
