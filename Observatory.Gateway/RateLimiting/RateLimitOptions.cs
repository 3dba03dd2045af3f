namespace Observatory.Gateway.RateLimiting;

/// <summary>Limits per tier, bound from <c>Observatory:RateLimits</c> (<c>Observatory__RateLimits__Standard__PerMinute</c>
/// etc.). Admin callers are unlimited and never counted, so they have no section.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Observatory:RateLimits";

    public TierLimits Public { get; set; } = new() { PerMinute = 10, PerDay = 500 };

    public TierLimits Standard { get; set; } = new() { PerMinute = 60, PerDay = 5_000 };

    public TierLimits Partner { get; set; } = new() { PerMinute = 600, PerDay = 50_000 };

    /// <summary>How long one decision may wait for Redis before this replica limits locally instead. Short, so a hung
    /// Redis costs each request little; a refused connection fails at once anyway.</summary>
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>While degraded, how often one request (or the health check) tries Redis again.</summary>
    public TimeSpan RedisRetryInterval { get; set; } = TimeSpan.FromSeconds(1);
}
