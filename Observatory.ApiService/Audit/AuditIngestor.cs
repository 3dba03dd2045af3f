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
                    await StoreAsync(read.Events, stoppingToken);
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

    /// <summary>Stores the events with one COPY. Values are fitted to their columns first (<see cref="AuditColumns"/>),
    /// so PostgreSQL should never refuse one; if it still does, one refused event must not hold back the rest — its
    /// entry would be re-read forever — so they are stored one by one and only what is refused is dropped, loudly.</summary>
    private async Task StoreAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAsync(events, cancellationToken);
        }
        catch (PostgresException e) when (IsRefusedData(e) && events.Count > 1)
        {
            foreach (var single in events)
            {
                try
                {
                    await WriteAsync([single], cancellationToken);
                }
                catch (PostgresException refused) when (IsRefusedData(refused))
                {
                    LogDropped(logger, refused.SqlState, single.Method, single.Status, refused.MessageText);
                }
            }
        }
        catch (PostgresException e) when (IsRefusedData(e))
        {
            LogDropped(logger, e.SqlState, events[0].Method, events[0].Status, e.MessageText);
        }
    }

    /// <summary>SQLSTATE class 22: the data itself (length, encoding, format), which no retry will change.</summary>
    private static bool IsRefusedData(PostgresException e) => e.SqlState.StartsWith("22", StringComparison.Ordinal);

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
            await WriteNullableAsync(writer, AuditColumns.Fit(e.Principal, AuditColumns.Principal), cancellationToken);
            await WriteNullableAsync(writer, AuditColumns.Fit(e.Tier, AuditColumns.Tier), cancellationToken);
            await WriteNullableAsync(writer, AuditColumns.Fit(e.KeyPrefix, AuditColumns.KeyPrefix), cancellationToken);
            await WriteNullableAsync(writer, AuditColumns.Fit(e.ClientIp, AuditColumns.ClientIp), cancellationToken);
            await WriteNullableAsync(writer, AuditColumns.Fit(e.Method, AuditColumns.Method), cancellationToken);
            await WriteNullableAsync(writer, AuditColumns.Fit(e.Path, AuditColumns.Path), cancellationToken);
            await writer.WriteAsync(e.Status, NpgsqlDbType.Integer, cancellationToken);
            await WriteNullableAsync(writer, AuditColumns.Fit(e.ResourceId, AuditColumns.ResourceId), cancellationToken);
            await WriteNullableAsync(writer, AuditColumns.Fit(e.TraceId, AuditColumns.TraceId), cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, NpgsqlDbType.Varchar, cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "An audit event ({Method}, status {Status}) was refused by PostgreSQL ({SqlState}) and dropped: {Reason}")]
    private static partial void LogDropped(ILogger logger, string sqlState, string method, int status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit ingestion failed; retrying: {Reason}")]
    private static partial void LogIngestFailed(ILogger logger, string reason);
}
