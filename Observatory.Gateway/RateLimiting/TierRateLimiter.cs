using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Observatory.Gateway.Identity;
using StackExchange.Redis;

namespace Observatory.Gateway.RateLimiting;

/// <summary>
/// Decides, per request, whether the caller's tier still has budget in the rolling minute and the UTC day (CONTRACT §6).
/// Decisions are shared by every gateway replica through Redis; when Redis is unreachable (error or
/// <see cref="RateLimitOptions.RedisTimeout"/>) this replica limits on its own with the same rules, reports itself
/// <see cref="IsDegraded"/>, and tries Redis again every <see cref="RateLimitOptions.RedisRetryInterval"/> (one request
/// at a time, so a hung Redis never holds up more than that one) until it answers.
/// </summary>
public sealed class TierRateLimiter(
    RedisWindowStore redis,
    LocalWindowStore local,
    IOptions<RateLimitOptions> options,
    TimeProvider clock,
    RateLimitMetrics metrics,
    ILogger<TierRateLimiter> logger)
{
    private readonly RateLimitOptions _options = options.Value;
    private readonly Lock _stateLock = new();
    private bool _degraded;
    private long _degradedSince;
    private long _nextProbe;
    private int _probing;

    /// <summary>True while decisions are taken locally because Redis is unreachable.</summary>
    public bool IsDegraded => Volatile.Read(ref _degraded);

    public async ValueTask<RateLimitDecision> DecideAsync(GatewayCaller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = clock.GetUtcNow();
        if (caller.IsAdmin) return RateLimitDecision.Unlimited(caller.Tier, now);

        var limits = LimitsFor(caller.Tier);
        var window = WindowClock.At(now);
        WindowCounts counts;
        var store = RateLimitStore.Redis;
        if (TryEnterRedis(out var probing))
        {
            try
            {
                counts = await redis.DecideAsync(caller.Tier, caller.RateLimitKey, limits, window, _options.RedisTimeout, cancellationToken);
                if (probing) Recovered();
            }
            catch (Exception e) when (IsRedisFailure(e, cancellationToken))
            {
                Failed(e);
                counts = local.Decide(caller.Tier, caller.RateLimitKey, limits, window);
                store = RateLimitStore.Local;
            }
            finally
            {
                if (probing) Volatile.Write(ref _probing, 0);
            }
        }
        else
        {
            counts = local.Decide(caller.Tier, caller.RateLimitKey, limits, window);
            store = RateLimitStore.Local;
        }

        metrics.Decided(counts.Allowed, store);
        var decision = RateLimitDecision.Counted(caller.Tier, limits, counts, store, now);
        if (!counts.Allowed && logger.IsEnabled(LogLevel.Debug))
            RateLimiterLog.Limited(logger, caller.Tier, counts.DeniedWindow?.ToWireName() ?? "?", store == RateLimitStore.Redis ? "redis" : "local",
                counts.RetryAfterSeconds);
        return decision;
    }

    /// <summary>While degraded and a retry is due: a PING, and back to Redis if it answers. The health check calls this,
    /// so a replica recovers even when no limited request arrives.</summary>
    public async Task TryRecoverAsync(CancellationToken cancellationToken = default)
    {
        if (!TryEnterRedis(out var probing) || !probing) return;
        try
        {
            await redis.PingAsync(_options.RedisTimeout, cancellationToken);
            Recovered();
        }
        catch (Exception e) when (IsRedisFailure(e, cancellationToken))
        {
            Failed(e);
        }
        finally
        {
            Volatile.Write(ref _probing, 0);
        }
    }

    public TierLimits LimitsFor(string tier)
    {
        switch (tier)
        {
            case CallerTiers.Public: return _options.Public;
            case CallerTiers.Standard: return _options.Standard;
            case CallerTiers.Partner: return _options.Partner;
            default:
                RateLimiterLog.UnknownTier(logger, tier);
                return _options.Public;
        }
    }

    /// <summary>Whether this decision goes to Redis: always when healthy; when degraded only the one request that wins the
    /// due retry (<paramref name="probing"/>).</summary>
    private bool TryEnterRedis(out bool probing)
    {
        probing = false;
        if (!Volatile.Read(ref _degraded)) return true;
        if (Stopwatch.GetTimestamp() < Interlocked.Read(ref _nextProbe)) return false;
        if (Interlocked.CompareExchange(ref _probing, 1, 0) != 0) return false;
        Interlocked.Exchange(ref _nextProbe, Stopwatch.GetTimestamp() + RetryIntervalTicks);
        probing = true;
        return true;
    }

    private void Failed(Exception e)
    {
        lock (_stateLock)
        {
            Interlocked.Exchange(ref _nextProbe, Stopwatch.GetTimestamp() + RetryIntervalTicks);
            if (_degraded) return;
            _degradedSince = Stopwatch.GetTimestamp();
            Volatile.Write(ref _degraded, true);
        }

        RateLimiterLog.RedisUnreachable(logger, e);
    }

    private void Recovered()
    {
        double outageSeconds;
        lock (_stateLock)
        {
            if (!_degraded) return;
            outageSeconds = Stopwatch.GetElapsedTime(_degradedSince).TotalSeconds;
            Volatile.Write(ref _degraded, false);
        }

        RateLimiterLog.RedisRecovered(logger, outageSeconds);
    }

    private long RetryIntervalTicks => (long)(_options.RedisRetryInterval.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Redis being down, hung or restarting; not the caller going away (that cancellation propagates).</summary>
    private static bool IsRedisFailure(Exception e, CancellationToken cancellationToken) =>
        !(e is OperationCanceledException && cancellationToken.IsCancellationRequested)
        && e is RedisException or TimeoutException or SocketException or IOException or ObjectDisposedException or OperationCanceledException;
}
