using System.Globalization;

namespace Observatory.AnalysisWorker.Webhooks;

/// <summary>When a failed delivery is tried again (CONTRACT §5): after attempt <c>n</c> fails, wait
/// <c>delays[n-1]</c> ±20 % (jitter, so receivers that come back are not hit by every sender at once); after the
/// last delay's attempt fails, the delivery is dead.</summary>
public sealed class WebhookRetrySchedule
{
    public const double Jitter = 0.2;

    private readonly IReadOnlyList<TimeSpan> _delays;
    private readonly Func<double> _random;

    /// <param name="random">A source of numbers in [0, 1); tests pass fixed ones to check the jitter bounds.</param>
    public WebhookRetrySchedule(IReadOnlyList<TimeSpan> delays, Func<double>? random = null)
    {
        _delays = delays;
        _random = random ?? Random.Shared.NextDouble;
    }

    public static WebhookRetrySchedule From(WebhookOptions options) =>
        TryParse(options.RetryDelays, out var delays, out var error)
            ? new WebhookRetrySchedule(delays)
            : throw new InvalidOperationException($"{WebhookOptions.Section}:{nameof(WebhookOptions.RetryDelays)}: {error}");

    public IReadOnlyList<TimeSpan> Delays => _delays;

    /// <summary>Attempts in all: the first plus one per delay.</summary>
    public int MaxAttempts => _delays.Count + 1;

    /// <summary>How long to wait after attempt number <paramref name="attempt"/> (1-based) failed; null when it was
    /// the last one and the delivery is dead.</summary>
    public TimeSpan? DelayAfter(int attempt)
    {
        if (attempt < 1 || attempt > _delays.Count) return null;
        var factor = 1 - Jitter + 2 * Jitter * Math.Clamp(_random(), 0, 1);
        return _delays[attempt - 1] * factor;
    }

    /// <summary>Parses <c>5s,30s,2m</c> or <c>00:00:05,00:00:30</c> (commas, semicolons or spaces between items).</summary>
    public static bool TryParse(string? text, out IReadOnlyList<TimeSpan> delays, out string? error)
    {
        var parsed = new List<TimeSpan>();
        delays = parsed;
        error = null;
        var items = (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length == 0)
        {
            error = "give at least one delay, e.g. 5s,30s,2m.";
            return false;
        }
        foreach (var item in items)
        {
            if (!TryParseDelay(item, out var delay) || delay <= TimeSpan.Zero || delay > TimeSpan.FromDays(7))
            {
                error = $"'{item}' is not a delay between 0 and 7 days (write 00:00:05, 5s, 2m, 1h or 200ms).";
                return false;
            }
            parsed.Add(delay);
        }
        return true;
    }

    private static bool TryParseDelay(string item, out TimeSpan delay)
    {
        if (item.Contains(':', StringComparison.Ordinal))
            return TimeSpan.TryParse(item, CultureInfo.InvariantCulture, out delay);
        (string Suffix, double Milliseconds)[] units = [("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000)];
        foreach (var (suffix, milliseconds) in units)
        {
            if (item.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(item[..^suffix.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                delay = TimeSpan.FromMilliseconds(amount * milliseconds);
                return true;
            }
        }
        delay = default;
        return false;
    }
}
