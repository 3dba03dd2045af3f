using Npgsql;
using NpgsqlTypes;
using Observatory.Messaging.Audit;

namespace Observatory.ApiService.Audit;

/// <summary>Moves audit events from the Redis stream the gateways write into PostgreSQL, in batches with COPY.
/// Entries are acknowledged only after the rows are committed, so a crash replays rather than loses them: this replica
/// re-reads what it held after a failure, and entries a replica that died was holding are taken over by a live one
/// once they have been idle for <see cref="AbandonedAfter"/>.</summary>
public sealed partial class AuditIngestor(AuditStreamReader stream, NpgsqlDataSource dataSource, TimeProvider clock, ILogger<AuditIngestor> logger)
    : BackgroundService
{
    /// <summary>Far longer than storing one read takes, so a live replica's entries are never taken from it.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan ClaimInterval = TimeSpan.FromSeconds(30);

    // Stream entries per read; each holds up to BufferedAuditTrail.BatchSize events, so one COPY stores up to 10,000.
    private const int EntriesPerRead = 20;
    private readonly string _consumer = $"{Environment.MachineName}-{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pendingFirst = true;
        var failures = 0;
        var nextClaim = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (pendingFirst) await stream.EnsureGroupAsync();
                if (clock.GetUtcNow() >= nextClaim)
                {
                    if (await stream.ClaimAbandonedAsync(_consumer, AbandonedAfter, EntriesPerRead) > 0) pendingFirst = true;
                    nextClaim = clock.GetUtcNow() + ClaimInterval;
                }
                var read = await stream.ReadAsync(_consumer, EntriesPerRead, TimeSpan.FromSeconds(1), pendingFirst);
                if (pendingFirst && read.EntryIds.Count == 0) pendingFirst = false;
                if (read.EntryIds.Count > 0)
                {
                    await WriteAsync(read.Events, stoppingToken);
                    await stream.AcknowledgeAsync(read.EntryIds);
                }
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                pendingFirst = true; // after any failure, re-read what this consumer holds before taking more
                LogIngestFailed(logger, e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(200 * Math.Pow(2, failures), 5000)), stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY audit_log (occurred_at, kind, principal, tier, key_prefix, client_ip, method, path, status, resource_id, trace_id) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var e in events)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(e.OccurredAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync("request", NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(writer, e.Principal, cancellationToken);
            await WriteNullableAsync(writer, e.Tier, cancellationToken);
            await WriteNullableAsync(writer, e.KeyPrefix, cancellationToken);
            await WriteNullableAsync(writer, e.ClientIp, cancellationToken);
            await WriteNullableAsync(writer, e.Method, cancellationToken);
            await WriteNullableAsync(writer, e.Path.Length > 2048 ? e.Path[..2048] : e.Path, cancellationToken);
            await writer.WriteAsync(e.Status, NpgsqlDbType.Integer, cancellationToken);
            await WriteNullableAsync(writer, e.ResourceId, cancellationToken);
            await WriteNullableAsync(writer, e.TraceId, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, NpgsqlDbType.Varchar, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit ingestion failed; retrying: {Reason}")]
    private static partial void LogIngestFailed(ILogger logger, string reason);
}
