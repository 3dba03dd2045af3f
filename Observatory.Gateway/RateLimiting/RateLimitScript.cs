namespace Observatory.Gateway.RateLimiting;

/// <summary>
/// The Lua script behind every shared decision, so checking both windows and counting the request is one atomic step
/// for all gateway replicas. The rolling minute is a sorted-set log of request times (score = Unix ms); the day is a
/// counter whose key carries the UTC date and which expires shortly after the next midnight.
/// </summary>
/// <remarks>
/// KEYS: 1 minute log, 2 day counter. ARGV: 1 now (ms, from the app's clock), 2 window (ms), 3 per-minute limit,
/// 4 per-day limit, 5 next UTC midnight (ms), 6 expiry margin after midnight (ms), 7 a unique member for this request.
/// Returns { allowed 0|1, denied window 0 none|1 minute|2 day, minute remaining, day remaining,
/// seconds until the minute window frees a slot (1–60), seconds until UTC midnight (≥ 1), retry-after seconds (0 when allowed) }.
/// Must stay in step with <see cref="LocalWindowStore"/>.
/// </remarks>
internal static class RateLimitScript
{
    public const string Text = """
        local minuteKey = KEYS[1]
        local dayKey = KEYS[2]
        local now = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        local minuteLimit = tonumber(ARGV[3])
        local dayLimit = tonumber(ARGV[4])
        local dayEnd = tonumber(ARGV[5])
        local dayMargin = tonumber(ARGV[6])

        redis.call('ZREMRANGEBYSCORE', minuteKey, '-inf', now - window)
        local minuteCount = redis.call('ZCARD', minuteKey)
        local dayCount = tonumber(redis.call('GET', dayKey) or '0')

        local minuteFull = minuteCount >= minuteLimit
        local dayFull = dayCount >= dayLimit
        local allowed = 0
        if not minuteFull and not dayFull then
          redis.call('ZADD', minuteKey, now, ARGV[7])
          redis.call('PEXPIRE', minuteKey, window)
          minuteCount = minuteCount + 1
          dayCount = redis.call('INCR', dayKey)
          redis.call('PEXPIRE', dayKey, dayEnd - now + dayMargin)
          allowed = 1
        end

        local windowSeconds = math.floor(window / 1000)
        local minuteReset = windowSeconds
        if minuteCount > 0 then
          local oldest = redis.call('ZRANGE', minuteKey, 0, 0, 'WITHSCORES')
          minuteReset = math.ceil((tonumber(oldest[2]) + window - now) / 1000)
          if minuteReset < 1 then minuteReset = 1 end
          if minuteReset > windowSeconds then minuteReset = windowSeconds end
        end
        local dayReset = math.ceil((dayEnd - now) / 1000)
        if dayReset < 1 then dayReset = 1 end

        local denied = 0
        local retryAfter = 0
        if allowed == 0 then
          if dayFull then
            denied = 2
            retryAfter = dayReset
          end
          if minuteFull and minuteReset > retryAfter then
            denied = 1
            retryAfter = minuteReset
          end
        end

        local minuteRemaining = minuteLimit - minuteCount
        if minuteRemaining < 0 then minuteRemaining = 0 end
        local dayRemaining = dayLimit - dayCount
        if dayRemaining < 0 then dayRemaining = 0 end
        return { allowed, denied, minuteRemaining, dayRemaining, minuteReset, dayReset, retryAfter }
        """;
}
