using System.Globalization;

namespace Observatory.Gateway.RateLimiting;

/// <summary>
/// The headers of every counted response (CONTRACT §6), in the IETF draft's structured-field form plus the common
/// <c>X-RateLimit-*</c> trio for the binding window:
/// <code>
/// RateLimit-Policy: "minute";q=60;w=60, "day";q=5000;w=86400
/// RateLimit: "minute";r=59;t=60
/// X-RateLimit-Limit: 60
/// X-RateLimit-Remaining: 59
/// X-RateLimit-Reset: 1767225660
/// </code>
/// </summary>
public static class RateLimitHeaders
{
    public const string Policy = "RateLimit-Policy";
    public const string RateLimit = "RateLimit";
    public const string Limit = "X-RateLimit-Limit";
    public const string Remaining = "X-RateLimit-Remaining";
    public const string Reset = "X-RateLimit-Reset";
    public const string RetryAfter = "Retry-After";

    public static void Apply(IHeaderDictionary headers, RateLimitDecision decision)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.IsUnlimited) return;

        headers[Policy] = string.Create(CultureInfo.InvariantCulture,
            $"\"minute\";q={decision.Limit(RateLimitWindow.Minute)};w={RateLimitWindow.Minute.Seconds()}, \"day\";q={decision.Limit(RateLimitWindow.Day)};w={RateLimitWindow.Day.Seconds()}");
        headers[RateLimit] = string.Create(CultureInfo.InvariantCulture,
            $"\"minute\";r={decision.Counts.MinuteRemaining};t={decision.Counts.MinuteResetSeconds}");

        var binding = decision.BindingWindow;
        headers[Limit] = decision.Limit(binding).ToString(CultureInfo.InvariantCulture);
        headers[Remaining] = decision.Remaining(binding).ToString(CultureInfo.InvariantCulture);
        headers[Reset] = (decision.DecidedAt.ToUnixTimeSeconds() + decision.ResetSeconds(binding)).ToString(CultureInfo.InvariantCulture);
        if (!decision.Allowed) headers[RetryAfter] = decision.Counts.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
    }
}
