namespace Observatory.Gateway.RateLimiting;

/// <summary>What a store answers for one decision; the Redis script and the local fallback compute exactly the same thing.</summary>
/// <param name="Allowed">Whether the request was accepted (and therefore counted in both windows).</param>
/// <param name="DeniedWindow">When refused: the window that keeps the caller waiting longest.</param>
/// <param name="MinuteRemaining">Requests left in the rolling minute after this decision.</param>
/// <param name="DayRemaining">Requests left today (UTC) after this decision.</param>
/// <param name="MinuteResetSeconds">Seconds until the oldest request in the rolling minute falls out of it and frees a slot (1–60).</param>
/// <param name="DayResetSeconds">Seconds until UTC midnight (at least 1).</param>
/// <param name="RetryAfterSeconds">When refused: seconds until a request would be accepted; 0 when allowed.</param>
public readonly record struct WindowCounts(
    bool Allowed,
    RateLimitWindow? DeniedWindow,
    int MinuteRemaining,
    int DayRemaining,
    int MinuteResetSeconds,
    int DayResetSeconds,
    int RetryAfterSeconds);
