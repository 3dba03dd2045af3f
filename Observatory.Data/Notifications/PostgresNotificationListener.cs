using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Observatory.Data.Notifications;

/// <summary>Holds one connection that LISTENs on a channel and fans each notification out to the callers
/// waiting for that payload. Reconnects after failures; callers also re-check on a timer, so a notification
/// missed while reconnecting only delays them.</summary>
public sealed partial class PostgresNotificationListener(NpgsqlDataSource dataSource, string channel, ILogger<PostgresNotificationListener> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<string, List<TaskCompletionSource>> _waiters = new(StringComparer.Ordinal);
    private readonly List<Action<string>> _handlers = [];

    public string Channel => channel;

    /// <summary>Completes when a notification with <paramref name="payload"/> arrives, or when <paramref name="timeout"/> passes.</summary>
    public async Task WaitAsync(string payload, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var list = _waiters.GetOrAdd(payload, _ => []);
        lock (list) list.Add(waiter);
        try
        {
            await waiter.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A timeout is an ordinary outcome: the caller re-reads the state either way.
        }
        finally
        {
            lock (list)
            {
                list.Remove(waiter);
                // Drop the entry once nobody waits, so finished analyses do not accumulate here.
                if (list.Count == 0) _waiters.TryRemove(new KeyValuePair<string, List<TaskCompletionSource>>(payload, list));
            }
        }
    }

    /// <summary>Registers a callback for every notification (used by the worker to cancel running jobs).</summary>
    public void Subscribe(Action<string> handler)
    {
        lock (_handlers) _handlers.Add(handler);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
                connection.Notification += (_, e) => Dispatch(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                LogListening(logger, channel);
                while (!stoppingToken.IsCancellationRequested)
                    await connection.WaitAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogReconnecting(logger, channel, e.Message);
                // Wake everyone so they re-check state rather than wait out a notification that may be lost.
                foreach (var payload in _waiters.Keys) Dispatch(payload, invokeHandlers: false);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private void Dispatch(string payload) => Dispatch(payload, invokeHandlers: true);

    private void Dispatch(string payload, bool invokeHandlers)
    {
        if (_waiters.TryGetValue(payload, out var list))
        {
            lock (list)
                foreach (var waiter in list) waiter.TrySetResult();
        }
        if (!invokeHandlers) return;
        Action<string>[] handlers;
        lock (_handlers) handlers = [.. _handlers];
        foreach (var handler in handlers) handler(payload);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listening on PostgreSQL channel {Channel}")]
    private static partial void LogListening(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the PostgreSQL listener on {Channel}; reconnecting: {Reason}")]
    private static partial void LogReconnecting(ILogger logger, string channel, string reason);
}
