using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using Observatory.Messaging;

namespace Observatory.ApiService.Queueing;

/// <summary>Moves outbox rows to the Redis job stream. Rows are locked (SKIP LOCKED, so replicas share the work),
/// published, then deleted in the same transaction: if Redis is down the transaction rolls back and the rows wait.
/// A crash after publishing but before commit publishes twice, which the worker's conditional start absorbs.</summary>
public sealed partial class OutboxRelay(
    NpgsqlDataSource dataSource, RedisJobStream jobs, OutboxSignal signal, IOptions<QueueingOptions> options, ILogger<OutboxRelay> logger)
    : BackgroundService
{
    private static readonly ActivitySource Source = new("Observatory.ApiService.Outbox");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int published;
                do published = await PublishBatchAsync(stoppingToken);
                while (published == options.Value.RelayBatchSize);
                failures = 0;
                await signal.WaitAsync(options.Value.RelayPollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(200 * Math.Pow(2, failures - 1), 5000) * (0.8 + Random.Shared.NextDouble() * 0.4));
                LogRelayFailed(logger, failures, delay.TotalMilliseconds, e.Message);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = new List<(long Id, Guid AnalysisId, string? TraceParent, short Priority)>();
        await using (var select = new NpgsqlCommand(
            "SELECT id, analysis_id, trace_parent, priority FROM outbox ORDER BY id LIMIT @limit FOR UPDATE SKIP LOCKED", connection, transaction))
        {
            select.Parameters.AddWithValue("limit", options.Value.RelayBatchSize);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                rows.Add((reader.GetInt64(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt16(3)));
        }
        if (rows.Count == 0) return 0;

        using (var activity = Source.StartActivity("outbox publish"))
        {
            activity?.SetTag("observatory.outbox.count", rows.Count);
            // Pipelined: all XADDs go out before the first reply is awaited.
            await Task.WhenAll(rows.Select(r => jobs.PublishAsync(new JobEnvelope(r.AnalysisId, r.TraceParent, (JobPriority)r.Priority))));
        }

        await using (var delete = new NpgsqlCommand("DELETE FROM outbox WHERE id = ANY(@ids)", connection, transaction))
        {
            delete.Parameters.AddWithValue("ids", rows.Select(r => r.Id).ToArray());
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        LogPublished(logger, rows.Count);
        return rows.Count;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Published {Count} job(s) to the stream")]
    private static partial void LogPublished(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay failed ({Failures} in a row); retrying in {DelayMs:F0} ms: {Reason}")]
    private static partial void LogRelayFailed(ILogger logger, int failures, double delayMs, string reason);
}
