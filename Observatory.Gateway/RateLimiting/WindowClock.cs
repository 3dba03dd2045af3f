namespace Observatory.Gateway.RateLimiting;

/// <summary>The instants one decision is computed from, all in Unix milliseconds of the injected <see cref="TimeProvider"/>.</summary>
/// <param name="NowMs">The request's time.</param>
/// <param name="DayEndMs">The next UTC midnight: the current day's counter stops counting then.</param>
/// <param name="DayKey">The UTC date (yyyyMMdd) the day counter is keyed by.</param>
public readonly record struct WindowClock(long NowMs, long DayEndMs, string DayKey)
{
    public const long WindowMs = 60_000;
    private const long DayMs = 86_400_000;

    public static WindowClock At(DateTimeOffset now)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var dayStartMs = nowMs - (((nowMs % DayMs) + DayMs) % DayMs);
        var dayKey = DateTimeOffset.FromUnixTimeMilliseconds(dayStartMs).UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return new WindowClock(nowMs, dayStartMs + DayMs, dayKey);
    }

    /// <summary>Seconds until the slot taken at <paramref name="oldestMs"/> frees: ceiling, between 1 and 60.</summary>
    public int MinuteResetSeconds(long? oldestMs) =>
        oldestMs is { } oldest ? (int)Math.Clamp(CeilingSeconds(oldest + WindowMs - NowMs), 1, WindowMs / 1000) : (int)(WindowMs / 1000);

    /// <summary>Seconds until UTC midnight: ceiling, at least 1.</summary>
    public int DayResetSeconds => (int)Math.Max(1, CeilingSeconds(DayEndMs - NowMs));

    private static long CeilingSeconds(long ms) => ms <= 0 ? 0 : (ms + 999) / 1000;
}
