using System.Collections.Concurrent;

namespace Observatory.Gateway.RateLimiting;

/// <summary>The fallback while Redis is unreachable: the same two windows and the same answers as
/// <see cref="RateLimitScript"/>, kept in this process, so each replica still enforces every limit on its own.</summary>
public sealed class LocalWindowStore
{
    private const long SweepIntervalMs = 60_000;

    private readonly ConcurrentDictionary<string, CallerWindows> _callers = new(StringComparer.Ordinal);
    private long _nextSweepMs = long.MinValue;

    /// <summary>Callers currently tracked (for tests and diagnostics).</summary>
    public int TrackedCallers => _callers.Count;

    public WindowCounts Decide(string tier, string rateLimitKey, TierLimits limits, WindowClock clock)
    {
        SweepIfDue(clock);
        var key = tier + ":" + rateLimitKey;
        while (true)
        {
            var windows = _callers.GetOrAdd(key, static _ => new CallerWindows());
            lock (windows)
            {
                // Swept away between the look-up and the lock: take the fresh entry instead.
                if (windows.Removed) continue;
                return windows.Decide(limits, clock);
            }
        }
    }

    /// <summary>Forgets callers with nothing left in either window, about once a minute.</summary>
    private void SweepIfDue(WindowClock clock)
    {
        var due = Interlocked.Read(ref _nextSweepMs);
        if (clock.NowMs < due || Interlocked.CompareExchange(ref _nextSweepMs, clock.NowMs + SweepIntervalMs, due) != due) return;
        foreach (var (key, windows) in _callers)
        {
            lock (windows)
            {
                if (!windows.IsIdle(clock)) continue;
                windows.Removed = true;
                _callers.TryRemove(new KeyValuePair<string, CallerWindows>(key, windows));
            }
        }
    }

    private sealed class CallerWindows
    {
        private readonly Queue<long> _minute = new();
        private long _dayEndMs;
        private int _dayCount;

        public bool Removed { get; set; }

        public bool IsIdle(WindowClock clock)
        {
            Expire(clock);
            return _minute.Count == 0 && _dayEndMs != clock.DayEndMs;
        }

        public WindowCounts Decide(TierLimits limits, WindowClock clock)
        {
            Expire(clock);
            if (_dayEndMs != clock.DayEndMs)
            {
                _dayEndMs = clock.DayEndMs;
                _dayCount = 0;
            }

            var minuteFull = _minute.Count >= limits.PerMinute;
            var dayFull = _dayCount >= limits.PerDay;
            var allowed = !minuteFull && !dayFull;
            if (allowed)
            {
                _minute.Enqueue(clock.NowMs);
                _dayCount++;
            }

            var minuteReset = clock.MinuteResetSeconds(_minute.Count > 0 ? _minute.Peek() : null);
            var dayReset = clock.DayResetSeconds;
            RateLimitWindow? denied = null;
            var retryAfter = 0;
            if (!allowed)
            {
                if (dayFull)
                {
                    denied = RateLimitWindow.Day;
                    retryAfter = dayReset;
                }

                if (minuteFull && minuteReset > retryAfter)
                {
                    denied = RateLimitWindow.Minute;
                    retryAfter = minuteReset;
                }
            }

            return new WindowCounts(allowed, denied, Math.Max(0, limits.PerMinute - _minute.Count), Math.Max(0, limits.PerDay - _dayCount),
                minuteReset, dayReset, retryAfter);
        }

        private void Expire(WindowClock clock)
        {
            while (_minute.Count > 0 && _minute.Peek() <= clock.NowMs - WindowClock.WindowMs) _minute.Dequeue();
        }
    }
}
