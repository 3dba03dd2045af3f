using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Observatory.AnalysisWorker.Insights;
using Observatory.Data;
using Observatory.Data.Retention;
using Observatory.ServiceDefaults.Hosting;

namespace Observatory.AnalysisWorker.Retention;

/// <summary>
/// Enforces CONTRACT §7 every <see cref="RetentionOptions.SweepInterval"/>: rolls finished days up into the daily
/// insights, then deletes results not read for <see cref="RetentionOptions.Results"/> (the analysis answers 410
/// afterwards), analyses, batches and webhook deliveries created more than <see cref="RetentionOptions.Metadata"/>
/// ago (404 afterwards), and audit entries older than 365 days; each sweep is itself audited with its counts.
/// Deletions run in chunks of <see cref="ChunkSize"/> rows, each its own short statement, so a large backlog never
/// holds long locks. Replicas take a PostgreSQL advisory lock, so only one sweeps at a time and counts are never
/// shared or doubled.
/// </summary>
public sealed partial class RetentionSweeper(
    NpgsqlDataSource dataSource, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionSweeper> logger)
    : PeriodicBackgroundService
{
    public const int ChunkSize = 1000;

    /// <summary>CONTRACT §7: the audit trail is kept 365 days.</summary>
    public static readonly TimeSpan AuditRetention = TimeSpan.FromDays(365);

    private static readonly JsonSerializerOptions DetailsJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    // Keyset over completed_at (indexed; a result cannot have been read before it was completed, so an expired result
    // was also completed before the cutoff): each chunk starts where the previous one ended instead of rescanning.
    private const string ExpireResultsSql = """
        WITH due AS (
            SELECT id, completed_at FROM analyses
            WHERE completed_at >= COALESCE(@after, '-infinity'::timestamptz) AND completed_at < @cutoff
              AND result_json IS NOT NULL AND COALESCE(last_read_at, completed_at) < @cutoff
            ORDER BY completed_at
            LIMIT @chunk
            FOR UPDATE SKIP LOCKED),
        cleared AS (
            UPDATE analyses a SET result_json = NULL, result_deleted_at = @now
            FROM due WHERE a.id = due.id
            RETURNING due.completed_at)
        SELECT count(*)::int, max(completed_at) FROM cleared
        """;

    // Analyses of a day that is not rolled up yet stay until it is (only matters for Metadata shorter than a day).
    // Their conversation payloads go with them (ON DELETE CASCADE).
    private const string DeleteAnalysesSql = """
        DELETE FROM analyses WHERE id IN (
            SELECT id FROM analyses
            WHERE created_at < @cutoff AND (completed_at IS NULL OR completed_at < @rolled_up_before)
            LIMIT @chunk
            FOR UPDATE SKIP LOCKED)
        """;

    // A batch goes once its items have gone, so a batch is never listed with items it no longer has.
    private const string DeleteBatchesSql = """
        DELETE FROM batches WHERE id IN (
            SELECT b.id FROM batches b
            WHERE b.created_at < @cutoff AND NOT EXISTS (SELECT 1 FROM analyses a WHERE a.batch_id = b.id)
            LIMIT @chunk
            FOR UPDATE SKIP LOCKED)
        """;

    private const string DeleteDeliveriesSql = """
        DELETE FROM webhook_deliveries WHERE id IN (
            SELECT id FROM webhook_deliveries WHERE created_at < @cutoff
            LIMIT @chunk
            FOR UPDATE SKIP LOCKED)
        """;

    private const string DeleteAuditSql = """
        DELETE FROM audit_log WHERE id IN (
            SELECT id FROM audit_log WHERE occurred_at < @cutoff
            ORDER BY occurred_at
            LIMIT @chunk)
        """;

    private const string RecordSweepSql = """
        INSERT INTO audit_log (occurred_at, kind, details_json) VALUES (@now, 'retention', @details::jsonb)
        """;

    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override TimeProvider Clock => clock;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var report = await SweepAsync(cancellationToken);
        if (report is null) LogSkipped(logger);
        else LogSwept(logger, report.ResultsDeleted, report.AnalysesDeleted, report.BatchesDeleted, report.DeliveriesDeleted,
            report.AuditDeleted, report.DaysRolledUp);
    }

    // The next tick tries again; everything a sweep does is safe to repeat.
    protected override void OnRunFailed(Exception exception) => LogSweepFailed(logger, exception.Message);

    /// <summary>Runs one sweep now. Null when another replica is sweeping (it holds the lock); nothing is done or
    /// audited then.</summary>
    public async Task<RetentionSweepReport?> SweepAsync(CancellationToken cancellationToken)
    {
        // One connection for the whole sweep: the advisory lock belongs to the session that took it.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var sweepLock = await AdvisoryLock.TryAcquireAsync(connection, AdvisoryLock.RetentionSweep, cancellationToken);
        if (sweepLock is null) return null;

        var now = clock.GetUtcNow();
        var retention = options.Value;
        var rolledUpBefore = DailyInsightRollup.RolledUpBefore(now);

        // Roll up first: the deletions below may remove analyses the finished days are computed from.
        var days = await DailyInsightRollup.RollUpAsync(connection, now, cancellationToken);
        var results = await ExpireResultsAsync(connection, now, now - retention.Results, cancellationToken);
        var analyses = await DeleteInChunksAsync(connection, DeleteAnalysesSql, now - retention.Metadata, cancellationToken,
            ("rolled_up_before", rolledUpBefore));
        var batches = await DeleteInChunksAsync(connection, DeleteBatchesSql, now - retention.Metadata, cancellationToken);
        var deliveries = await DeleteInChunksAsync(connection, DeleteDeliveriesSql, now - retention.Metadata, cancellationToken);
        var audit = await DeleteInChunksAsync(connection, DeleteAuditSql, now - AuditRetention, cancellationToken);

        var report = new RetentionSweepReport(results, analyses, batches, deliveries, audit, days,
            now, now - retention.Results, now - retention.Metadata, now - AuditRetention);
        await RecordAsync(connection, report, cancellationToken);
        return report;
    }

    private static async Task<int> ExpireResultsAsync(NpgsqlConnection connection, DateTimeOffset now, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var total = 0;
        DateTimeOffset? after = null;
        while (true)
        {
            await using var command = new NpgsqlCommand(ExpireResultsSql, connection);
            command.Parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.TimestampTz) { Value = after is { } a ? a : DBNull.Value });
            command.Parameters.AddWithValue("cutoff", cutoff);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("chunk", ChunkSize);
            int cleared;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                cleared = reader.GetInt32(0);
                if (cleared > 0) after = reader.GetFieldValue<DateTimeOffset>(1);
            }
            total += cleared;
            // A short chunk means nothing is left (or the rest is locked by a writer right now: next sweep).
            if (cleared < ChunkSize) return total;
        }
    }

    private static async Task<int> DeleteInChunksAsync(NpgsqlConnection connection, string sql, DateTimeOffset cutoff, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        var total = 0;
        while (true)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("cutoff", cutoff);
            command.Parameters.AddWithValue("chunk", ChunkSize);
            foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
            if (deleted < ChunkSize) return total;
        }
    }

    private static async Task RecordAsync(NpgsqlConnection connection, RetentionSweepReport report, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(RecordSweepSql, connection);
        command.Parameters.AddWithValue("now", report.SweptAt);
        command.Parameters.AddWithValue("details", JsonSerializer.Serialize(report, DetailsJson));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Retention sweep: {Results} result(s), {Analyses} analyses, {Batches} batches, {Deliveries} webhook deliveries, {Audit} audit entries deleted; {Days} day(s) rolled up")]
    private static partial void LogSwept(ILogger logger, int results, int analyses, int batches, int deliveries, int audit, int days);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retention sweep skipped: another replica is sweeping")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention sweep failed: {Reason}")]
    private static partial void LogSweepFailed(ILogger logger, string reason);
}
