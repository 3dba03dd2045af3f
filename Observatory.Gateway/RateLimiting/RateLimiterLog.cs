namespace Observatory.Gateway.RateLimiting;

internal static partial class RateLimiterLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Redis is unreachable for rate limiting; this replica now limits callers on its own until Redis is back.")]
    public static partial void RedisUnreachable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Redis is reachable again; rate limits are shared by every replica again after {OutageSeconds:F1} s of local limiting.")]
    public static partial void RedisRecovered(ILogger logger, double outageSeconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug,
        Message = "Rate limited a {Tier} caller on the {Window} window ({Store}); retry after {RetryAfterSeconds} s.")]
    public static partial void Limited(ILogger logger, string tier, string window, string store, int retryAfterSeconds);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning,
        Message = "Caller tier '{Tier}' is unknown to the rate limiter; applying the public limits.")]
    public static partial void UnknownTier(ILogger logger, string tier);
}
