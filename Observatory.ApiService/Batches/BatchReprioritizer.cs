using Npgsql;
using Observatory.ApiService.Queueing;

namespace Observatory.ApiService.Batches;

/// <summary>
/// Moves a batch's queued items to another priority stream: their priority changes and each gets a fresh outbox row
/// for the new stream, in one statement. The entries already in the old stream become stale — the worker claims an
/// analysis only from the stream matching its current priority, and acknowledges the rest as duplicates.
/// </summary>
public sealed class BatchReprioritizer(NpgsqlDataSource dataSource, OutboxSignal outboxSignal, TimeProvider clock)
{
    private const string MoveSql = """
        WITH batch AS (
            UPDATE batches SET priority = @priority WHERE id = @id
            RETURNING id),
        moved AS (
            UPDATE analyses SET priority = @priority, published_at = @now
            WHERE batch_id = (SELECT id FROM batch) AND status = 'queued' AND priority <> @priority
            RETURNING id, trace_parent),
        queued AS (
            INSERT INTO outbox (kind, analysis_id, trace_parent, priority, created_at)
            SELECT 'analysis.queued', id, trace_parent, @priority, @now FROM moved
            RETURNING 1)
        SELECT count(*) FROM queued
        """;

    /// <summary>Returns how many queued items moved.</summary>
    public async Task<int> ChangeAsync(Guid batchId, short priority, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(MoveSql);
        command.Parameters.AddWithValue("id", batchId);
        command.Parameters.AddWithValue("priority", priority);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        var moved = (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
        if (moved > 0) outboxSignal.Notify();
        return moved;
    }
}
