using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Observatory.Messaging;

/// <summary>Tells other processes that an analysis changed or was cancelled, over Redis pub/sub, sent after the
/// PostgreSQL commit that made the change. PostgreSQL's own NOTIFY would be transactional but takes a database-wide
/// lock at every commit that uses it, which throttled the worker; a lost signal here only delays a listener until
/// its next re-check (every waiter also re-reads on a timer), it never loses state.</summary>
public sealed partial class AnalysisSignals(RedisConnections redis, ILogger<AnalysisSignals> logger) : IHostedService
{
    public const string ChangedChannel = "observatory:analysis:changed";
    public const string CancelledChannel = "observatory:analysis:cancelled";

    private readonly ConcurrentDictionary<string, List<TaskCompletionSource>> _waiters = new(StringComparer.Ordinal);
    private readonly List<Action<Guid>> _cancelHandlers = [];

    /// <summary>Registers a callback for cancellations (the worker stops the matching running job).</summary>
    public void OnCancelled(Action<Guid> handler)
    {
        lock (_cancelHandlers) _cancelHandlers.Add(handler);
    }

    public void Changed(Guid analysisId) => Publish(ChangedChannel, analysisId);

    public void Cancelled(Guid analysisId)
    {
        Publish(CancelledChannel, analysisId);
        Publish(ChangedChannel, analysisId);
    }

    /// <summary>Completes when a change of <paramref name="analysisId"/> is signalled or <paramref name="timeout"/> passes.</summary>
    public async Task WaitForChangeAsync(Guid analysisId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var key = analysisId.ToString("D");
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var list = _waiters.GetOrAdd(key, _ => []);
        lock (list) list.Add(waiter);
        try
        {
            await waiter.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Ordinary: the caller re-reads the state either way.
        }
        finally
        {
            lock (list)
            {
                list.Remove(waiter);
                if (list.Count == 0) _waiters.TryRemove(new KeyValuePair<string, List<TaskCompletionSource>>(key, list));
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribing connects lazily and StackExchange.Redis re-subscribes after reconnects by itself.
        _ = Task.Run(SubscribeAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SubscribeAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var subscriber = redis.Multiplexer.GetSubscriber();
                await subscriber.SubscribeAsync(ChangedChannel, (_, message) => WakeWaiters((string?)message)).ConfigureAwait(false);
                await subscriber.SubscribeAsync(CancelledChannel, (_, message) => RunCancelHandlers((string?)message)).ConfigureAwait(false);
                return;
            }
            catch (Exception e)
            {
                LogSubscribeFailed(logger, attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5))).ConfigureAwait(false);
            }
        }
    }

    private void Publish(string channel, Guid analysisId)
    {
        try
        {
            redis.Multiplexer.GetSubscriber().Publish(channel, analysisId.ToString("D"), CommandFlags.FireAndForget);
        }
        catch (Exception e)
        {
            LogPublishFailed(logger, channel, e.Message);
        }
    }

    private void WakeWaiters(string? key)
    {
        if (key is null || !_waiters.TryGetValue(key, out var list)) return;
        lock (list)
            foreach (var waiter in list) waiter.TrySetResult();
    }

    private void RunCancelHandlers(string? key)
    {
        if (!Guid.TryParse(key, out var id)) return;
        Action<Guid>[] handlers;
        lock (_cancelHandlers) handlers = [.. _cancelHandlers];
        foreach (var handler in handlers) handler(id);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to analysis signals (attempt {Attempt}): {Reason}")]
    private static partial void LogSubscribeFailed(ILogger logger, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not publish on {Channel}: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, string channel, string reason);
}
