using System.Globalization;

namespace Observatory.Gateway.RateLimiting;

/// <summary>The 429 answer (CONTRACT §6): <c>application/problem+json</c> with <c>tier</c>, <c>window</c>, <c>limit</c> and
/// <c>retry_after</c> besides the usual problem members.</summary>
public static class RateLimitProblem
{
    public const string Type = "https://observatory.dev/problems/rate-limited";

    public static IResult For(RateLimitDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var window = decision.Counts.DeniedWindow ?? decision.BindingWindow;
        var limit = decision.Limit(window);
        var retryAfter = decision.Counts.RetryAfterSeconds;
        var per = window == RateLimitWindow.Minute ? "per rolling minute" : "per UTC day";
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"The {decision.Tier} tier allows {limit} requests {per}; this limit is used up. Retry in {retryAfter} s.");
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests.",
            detail: detail,
            type: Type,
            extensions: new Dictionary<string, object?>
            {
                ["tier"] = decision.Tier,
                ["window"] = window.ToWireName(),
                ["limit"] = limit,
                ["retry_after"] = retryAfter,
            });
    }
}
