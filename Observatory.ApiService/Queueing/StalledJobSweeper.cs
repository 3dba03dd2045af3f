using Microsoft.Extensions.Options;
using Npgsql;
using Observatory.ServiceDefaults.Hosting;

namespace Observatory.ApiService.Queueing;

/// <summary>PostgreSQL is the source of truth for what still has to run; Redis only carries hints. This sweeper
/// re-publishes (through the outbox) analyses that have sat queued too long, or whose worker's lease ran out,
/// so a Redis that lost its data — FLUSHALL, a restart without persistence — loses no job.</summary>
public sealed partial class StalledJobSweeper(
    NpgsqlDataSource dataSource, OutboxSignal signal, IOptions<QueueingOptions> options, TimeProvider clock, ILogger<StalledJobSweeper> logger)
    : PeriodicBackgroundService
{
    private const string RepublishSql = """
        WITH stalled AS (
            SELECT id FROM analyses
            WHERE (status = 'queued' AND published_at < @cutoff)
               OR (status = 'running' AND lease_expires_at < @cutoff)
            ORDER BY created_at
            LIMIT 1000
            FOR UPDATE SKIP LOCKED),
        touched AS (
            UPDATE analyses a SET published_at = @now FROM stalled WHERE a.id = stalled.id
            RETURNING a.id, a.trace_parent, a.priority)
        INSERT INTO outbox (kind, analysis_id, trace_parent, priority, created_at)
        SELECT 'analysis.queued', id, trace_parent, priority, @now FROM touched
        """;

    protected override TimeSpan Interval => options.Value.StalledSweepInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var republished = await SweepAsync(cancellationToken);
        if (republished == 0) return;
        LogRepublished(logger, republished);
        signal.Notify();
    }

    protected override void OnRunFailed(Exception exception) => LogSweepFailed(logger, exception.Message);

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var command = dataSource.CreateCommand(RepublishSql);
        command.Parameters.AddWithValue("cutoff", now - options.Value.StalledAfter);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-published {Count} stalled analysis job(s)")]
    private static partial void LogRepublished(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stalled-job sweep failed: {Reason}")]
    private static partial void LogSweepFailed(ILogger logger, string reason);
}
