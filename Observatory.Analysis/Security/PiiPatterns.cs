using System.Text.RegularExpressions;

namespace Observatory.Analysis.Security;

/// <summary>
/// Candidate patterns for personal data and secrets, source-generated at compile time. Deliberately a little broad:
/// <see cref="PiiValidators"/> rejects look-alikes (dates, thousands, Luhn failures, version strings, identifiers), which
/// is easier to get right in code than in a regular expression. Timeouts are not needed: every pattern is linear
/// (no nested unbounded quantifiers over overlapping classes).
/// </summary>
internal static partial class PiiPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary>PEM private key blocks (closed, or cut off before the END line).</summary>
    [GeneratedRegex(@"-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----(?:[\s\S]*?-----END [A-Z ]{0,40}PRIVATE KEY-----|[A-Za-z0-9+/=\s]*)", Options)]
    public static partial Regex PrivateKeyBlock();

    /// <summary>JSON Web Tokens: three base64url segments, the header starting "eyJ" ({"…).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*", Options)]
    public static partial Regex JsonWebToken();

    /// <summary>API keys with a recognisable vendor prefix (OpenAI/Anthropic, Stripe, Observatory, AWS, GitHub, Slack,
    /// Google, GitLab, npm, Hugging Face, SendGrid).</summary>
    [GeneratedRegex(
        @"(?<![A-Za-z0-9_-])(?:sk-(?:proj-|ant-(?:api\d\d-)?|live-|test-)?[A-Za-z0-9_-]{16,}"
        + @"|(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,}"
        + @"|obs_[A-Za-z0-9_]{12,}"
        + @"|(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[0-9A-Z]{16}"
        + @"|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}"
        + @"|xox[abposr]-[A-Za-z0-9-]{10,}"
        + @"|AIza[0-9A-Za-z_-]{30,}"
        + @"|glpat-[A-Za-z0-9_-]{20,}"
        + @"|npm_[A-Za-z0-9]{30,}"
        + @"|hf_[A-Za-z0-9]{30,}"
        + @"|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,})",
        Options)]
    public static partial Regex PrefixedApiKey();

    /// <summary>The credential after "Bearer " (group v).</summary>
    [GeneratedRegex(@"\b[Bb]earer\s+(?<v>[A-Za-z0-9._~+/=-]{12,})", Options)]
    public static partial Regex BearerToken();

    /// <summary>The value of "password: …", "api_key=…", "DB_PASSWORD=…", "AWS_SECRET_ACCESS_KEY=…", "token=\"…\"" (group v).</summary>
    [GeneratedRegex(
        @"(?<![A-Za-z0-9])(?:[A-Za-z0-9]+[_-]){0,4}(?:password|passwd|pwd|passphrase|passcode|secret|client[_-]?secret|secret[_-]?key|api[_-]?key|apikey"
        + @"|access[_-]?key|access[_-]?token|auth[_-]?token|refresh[_-]?token|private[_-]?key|token)[""']?[ \t]*[:=][ \t]*[""']?"
        + @"(?<v>[^\s""',;<>&]{3,})",
        Options | RegexOptions.IgnoreCase)]
    public static partial Regex CredentialAssignment();

    /// <summary>The password in a URL's user info: "postgres://app:hunter2@10.0.4.17/db", "https://u:p4ss@host" (group v).</summary>
    [GeneratedRegex(@"\b[A-Za-z][A-Za-z0-9+.-]{1,30}://[^\s/:@]{1,64}:(?<v>[^\s/@]{1,128})@", Options)]
    public static partial Regex UrlCredential();

    /// <summary>"my password is hunter2": the value (group v); the validator keeps only values with a digit or symbol.</summary>
    [GeneratedRegex(@"\b(?:password|passcode|passphrase|pin)\s+(?:is|was)\s*:?\s+(?<v>[^\s""',;]{3,})", Options | RegexOptions.IgnoreCase)]
    public static partial Regex CredentialSentence();

    /// <summary>Ordinary e-mail addresses, Unicode letters allowed, "＠" accepted.</summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}[@＠][\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63})*\.\p{L}{2,24}(?![\p{L}\p{N}-])",
        Options)]
    public static partial Regex Email();

    /// <summary>Obfuscated addresses: "ada (at) example (dot) com", "ada [at] example.com", "ada dot lovelace at example
    /// dot com". The bare "at … dot …" form needs a common top-level domain at the end and no article after "at", so
    /// "looked at the dot com bubble" stays.</summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}(?:(?:\s*[\(\[\{<]\s*dot\s*[\)\]\}>]\s*|\s+dot\s+)[\p{L}\p{N}_%+-]{1,64}){0,3}"
        + @"(?:\s*[\(\[\{<]\s*at\s*[\)\]\}>]\s*[\p{L}\p{N}-]{1,63}(?:(?:\.|\s*[\(\[\{<]\s*dot\s*[\)\]\}>]\s*|\s+dot\s+)[\p{L}\p{N}-]{1,63})+"
        + @"|\s+at\s+(?!(?:the|a|an|this|that|my|your|our|his|her|their)\s)[\p{L}\p{N}-]{1,63}(?:\s+dot\s+[\p{L}\p{N}-]{1,63}){0,2}"
        + @"\s+dot\s+(?:com|org|net|edu|gov|io|co|uk|de|fr|es|it|nl|ru|info|biz|me|ai|app|dev|us|ca|au|ch|se|no|jp|cn|in|br|eu))"
        + @"(?![\p{L}\p{N}-])",
        Options | RegexOptions.IgnoreCase)]
    public static partial Regex ObfuscatedEmail();

    /// <summary>Long base64/base64url/hex-looking runs; <see cref="PiiValidators"/> keeps only high-entropy, non-word ones.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_-]{24,}={0,2}(?![A-Za-z0-9+/=_-])", Options)]
    public static partial Regex TokenLike();

    /// <summary>IPv6 candidates (full, compressed, with a trailing dotted quad); checked with IPAddress.TryParse.</summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{1,4})?(?![\p{L}\p{N}:]|\.\p{N})",
        Options)]
    public static partial Regex IPv6();

    /// <summary>Dotted-quad IPv4 addresses with octets 0–255 (not 1.2.3 version strings, not part of a longer dotted run).</summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\p{L}\p{N}]|\.\p{N})",
        Options)]
    public static partial Regex IPv4();

    /// <summary>13–19 digits, optionally grouped by single spaces or dashes, not after "+" (a phone); checked with Luhn.</summary>
    [GeneratedRegex(@"(?<![\p{N}+\-])\d(?:[ -]?\d){12,18}(?![\p{N}]|-\d)", Options)]
    public static partial Regex CardNumber();

    /// <summary>
    /// Phone candidates: "+4915112345678", or optional "+CC"/"00CC" prefix, optional "(area)", then digit groups
    /// separated by single spaces, dots or dashes. <see cref="PiiValidators"/> decides which are phones.
    /// </summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}+/.#-])(?<!\d:)(?:\+\d{7,15}|(?<prefix>(?:\+|00)\d{1,3}[ .-]?)?(?<area>\(\d{1,5}\)[ .-]?)?\d{1,5}(?:[ .-]\d{2,8}){1,5})"
        + @"(?![\p{L}\p{N}]|[.:/-]\p{N})",
        Options)]
    public static partial Regex Phone();
}
