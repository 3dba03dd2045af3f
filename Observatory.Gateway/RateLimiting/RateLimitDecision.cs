namespace Observatory.Gateway.RateLimiting;

/// <summary>The verdict on one request, with everything the response headers and the 429 body need.</summary>
public sealed class RateLimitDecision
{
    private RateLimitDecision(string tier, TierLimits? limits, WindowCounts counts, RateLimitStore? store, DateTimeOffset decidedAt)
    {
        Tier = tier;
        Limits = limits;
        Counts = counts;
        Store = store;
        DecidedAt = decidedAt;
    }

    public string Tier { get; }

    /// <summary>The tier's limits; null for an unlimited (admin) caller.</summary>
    public TierLimits? Limits { get; }

    public WindowCounts Counts { get; }

    /// <summary>Where the request was counted; null when it was not counted at all (admin).</summary>
    public RateLimitStore? Store { get; }

    public DateTimeOffset DecidedAt { get; }

    /// <summary>Admin: never limited and never counted, so no rate-limit headers either.</summary>
    public bool IsUnlimited => Limits is null;

    public bool Allowed => Counts.Allowed;

    /// <summary>The window the <c>X-RateLimit-*</c> headers describe: the one that refused the request, otherwise the one
    /// with fewer requests left (the day when they tie, as it takes longer to come back).</summary>
    public RateLimitWindow BindingWindow =>
        Counts.DeniedWindow ?? (Counts.MinuteRemaining < Counts.DayRemaining ? RateLimitWindow.Minute : RateLimitWindow.Day);

    public int Limit(RateLimitWindow window) => window == RateLimitWindow.Minute ? Limits?.PerMinute ?? 0 : Limits?.PerDay ?? 0;

    public int Remaining(RateLimitWindow window) => window == RateLimitWindow.Minute ? Counts.MinuteRemaining : Counts.DayRemaining;

    public int ResetSeconds(RateLimitWindow window) => window == RateLimitWindow.Minute ? Counts.MinuteResetSeconds : Counts.DayResetSeconds;

    public static RateLimitDecision Counted(string tier, TierLimits limits, WindowCounts counts, RateLimitStore store, DateTimeOffset decidedAt) =>
        new(tier, limits, counts, store, decidedAt);

    public static RateLimitDecision Unlimited(string tier, DateTimeOffset decidedAt) =>
        new(tier, null, new WindowCounts(true, null, int.MaxValue, int.MaxValue, 0, 0, 0), null, decidedAt);
}
