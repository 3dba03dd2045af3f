using System.Globalization;
using Observatory.Messaging;
using StackExchange.Redis;

namespace Observatory.Gateway.RateLimiting;

/// <summary>Shared decisions: one <see cref="RateLimitScript"/> evaluation per request. StackExchange.Redis 1.2.6 loads
/// the script once per server (SCRIPT LOAD) and then sends only EVALSHA; a NOSCRIPT answer (Redis restarted or its
/// script cache flushed) makes it forget the hash, and the single retry here loads it again.</summary>
public sealed class RedisWindowStore(RedisConnections connections)
{
    /// <summary>The day counter outlives midnight by this much, so a replica whose clock runs slightly behind still finds it.</summary>
    private const long DayExpiryMarginMs = 10 * 60 * 1000;

    private const string KeyPrefix = "observatory:ratelimit:";

    /// <summary>How long a decision waits for the very first connection (RedisConnections' connect timeout is 2 s). Paid
    /// at most once per process, and normally not at all: <see cref="RateLimitRedisWarmup"/> connects at start-up.</summary>
    private static readonly TimeSpan FirstConnectWait = TimeSpan.FromSeconds(3);

    private readonly string _memberPrefix = Guid.NewGuid().ToString("N")[..12] + ":";
    private readonly Lock _connectLock = new();
    private long _sequence;
    private Task<IDatabase>? _database;
    private bool _connectedOnce;

    public async Task<WindowCounts> DecideAsync(string tier, string rateLimitKey, TierLimits limits, WindowClock clock, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var database = await WithTimeout(Database(), ConnectWait(timeout), cancellationToken);
        // The hash tag keeps both keys of one caller in the same cluster slot.
        var tag = $"{KeyPrefix}{{{tier}:{rateLimitKey}}}";
        RedisKey[] keys = [tag + ":minute", tag + ":day:" + clock.DayKey];
        RedisValue[] values =
        [
            clock.NowMs, WindowClock.WindowMs, limits.PerMinute, limits.PerDay, clock.DayEndMs, DayExpiryMarginMs,
            _memberPrefix + Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture),
        ];
        RedisResult result;
        try
        {
            result = await WithTimeout(database.ScriptEvaluateAsync(RateLimitScript.Text, keys, values), timeout, cancellationToken);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            result = await WithTimeout(database.ScriptEvaluateAsync(RateLimitScript.Text, keys, values), timeout, cancellationToken);
        }

        return Parse(result);
    }

    /// <summary>A round trip to Redis, to find out whether it is back.</summary>
    public async Task PingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var database = await WithTimeout(Database(), ConnectWait(timeout), cancellationToken);
        await WithTimeout(database.PingAsync(), timeout, cancellationToken);
    }

    /// <summary>Starts connecting without waiting for it.</summary>
    public void StartConnecting() => _ = Database();

    private TimeSpan ConnectWait(TimeSpan timeout) =>
        Volatile.Read(ref _connectedOnce) || timeout > FirstConnectWait ? timeout : FirstConnectWait;

    private static WindowCounts Parse(RedisResult result)
    {
        var values = (RedisResult[])result!;
        if (values is null || values.Length != 7)
            throw new InvalidOperationException($"The rate-limit script returned {values?.Length.ToString(CultureInfo.InvariantCulture) ?? "nothing"} values instead of 7.");
        var denied = (int)values[1] switch
        {
            1 => RateLimitWindow.Minute,
            2 => (RateLimitWindow?)RateLimitWindow.Day,
            _ => null,
        };
        return new WindowCounts((int)values[0] == 1, denied, (int)values[2], (int)values[3], (int)values[4], (int)values[5], (int)values[6]);
    }

    /// <summary>The first use connects (which blocks for up to the connect timeout when Redis is down), so it runs off the
    /// request thread and a request only waits for it as long as for any other Redis call.</summary>
    private Task<IDatabase> Database()
    {
        var database = _database;
        if (database is { IsFaulted: false, IsCanceled: false }) return database;
        lock (_connectLock)
        {
            if (_database is null || _database.IsFaulted || _database.IsCanceled)
                _database = Task.Run(() =>
                {
                    var commands = connections.Commands;
                    Volatile.Write(ref _connectedOnce, true);
                    return commands;
                });
            return _database;
        }
    }

    private static async Task<T> WithTimeout<T>(Task<T> task, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (task.IsCompleted) return await task;
        try
        {
            return await task.WaitAsync(timeout, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // The abandoned call may still fail later: observe it so it never surfaces as an unobserved task exception.
            _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            throw;
        }
    }
}
