using Npgsql;
using Observatory.Data.Analyses;
using Observatory.Data.Conversations;
using Observatory.Data.Notifications;

namespace Observatory.AnalysisWorker.Jobs;

/// <summary>The worker's side of the analysis state machine, as conditional SQL: every transition names the state
/// it expects, so a duplicate delivery, a cancel racing a completion, or a worker whose lease was taken over can
/// never produce a second result or overwrite a terminal state. Each change NOTIFYs listeners on commit.</summary>
public sealed class AnalysisLedger(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>queued → running (or takes over a running analysis whose lease expired). Null when the analysis
    /// is gone, terminal, or held by a live worker: the delivery is then a duplicate and is simply acknowledged.</summary>
    public async Task<ClaimedAnalysis?> TryClaimAsync(Guid id, string worker, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var claim = new NpgsqlCommand("""
            UPDATE analyses
            SET status = 'running', started_at = COALESCE(started_at, @now), progress = GREATEST(progress, 0.05),
                lease_owner = @worker, lease_expires_at = @lease_until, attempts = attempts + 1
            WHERE id = @id AND (status = 'queued' OR (status = 'running' AND lease_expires_at < @now))
            RETURNING created_at, started_at, options_json, (SELECT conversation_json FROM analysis_payloads WHERE analysis_id = @id)
            """, connection, transaction);
        claim.Parameters.AddWithValue("id", id);
        claim.Parameters.AddWithValue("now", now);
        claim.Parameters.AddWithValue("worker", worker);
        claim.Parameters.AddWithValue("lease_until", now + lease);
        ClaimedAnalysis? claimed = null;
        await using (var reader = await claim.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                claimed = new ClaimedAnalysis(id,
                    reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1),
                    AnalysisRequestOptions.FromJson(reader.GetString(2)),
                    reader.IsDBNull(3) ? null : ConversationPayloadJson.Deserialize(reader.GetString(3)));
            }
        }
        if (claimed is null) return null;
        await NotifyChangedAsync(connection, transaction, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    /// <summary>Extends the lease; false when the analysis is no longer ours (cancelled or taken over).</summary>
    public async Task<bool> RenewLeaseAsync(Guid id, string worker, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE analyses SET lease_expires_at = @until WHERE id = @id AND status = 'running' AND lease_owner = @worker");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("worker", worker);
        command.Parameters.AddWithValue("until", clock.GetUtcNow() + lease);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task ReportProgressAsync(Guid id, string worker, double progress, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE analyses SET progress = @progress WHERE id = @id AND status = 'running' AND lease_owner = @worker AND progress < @progress",
            connection, transaction);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("worker", worker);
        command.Parameters.AddWithValue("progress", progress);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1) await NotifyChangedAsync(connection, transaction, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>running → completed with the result, deleting the conversation text in the same transaction.
    /// False when the analysis was cancelled or taken over meanwhile: then nothing is stored.</summary>
    public Task<bool> CompleteAsync(Guid id, string worker, string resultJson, CancellationToken cancellationToken) =>
        FinishAsync(id, worker, AnalysisStatus.Completed, resultJson, null, null, cancellationToken);

    /// <summary>running → failed with a machine-readable code.</summary>
    public Task<bool> FailAsync(Guid id, string worker, string code, string message, CancellationToken cancellationToken) =>
        FinishAsync(id, worker, AnalysisStatus.Failed, null, code, message, cancellationToken);

    /// <summary>Fails an analysis whatever worker holds it (poison messages: nobody can finish it).</summary>
    public Task<bool> FailUnclaimedAsync(Guid id, string code, string message, CancellationToken cancellationToken) =>
        FinishAsync(id, null, AnalysisStatus.Failed, null, code, message, cancellationToken);

    /// <summary>running → queued on graceful shutdown, with a fresh outbox row so another worker starts it at once
    /// instead of waiting for the stream entry to go idle.</summary>
    public async Task ReleaseAsync(Guid id, string worker, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            WITH released AS (
                UPDATE analyses SET status = 'queued', lease_owner = NULL, lease_expires_at = NULL, published_at = @now
                WHERE id = @id AND status = 'running' AND lease_owner = @worker
                RETURNING id, trace_parent, priority)
            INSERT INTO outbox (kind, analysis_id, trace_parent, priority, created_at)
            SELECT 'analysis.queued', id, trace_parent, priority, @now FROM released
            """, connection, transaction);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("worker", worker);
        command.Parameters.AddWithValue("now", now);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1) await NotifyChangedAsync(connection, transaction, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<bool> FinishAsync(Guid id, string? worker, string status, string? resultJson, string? errorCode, string? errorMessage,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var condition = worker is null ? "status IN ('queued', 'running')" : "status = 'running' AND lease_owner = @worker";
        await using var update = new NpgsqlCommand($"""
            UPDATE analyses
            SET status = @status, progress = CASE WHEN @status = 'completed' THEN 1 ELSE progress END,
                result_json = @result::json, error_code = @error_code, error_message = @error_message,
                completed_at = @now, lease_owner = NULL, lease_expires_at = NULL
            WHERE id = @id AND {condition}
            """, connection, transaction);
        update.Parameters.AddWithValue("id", id);
        if (worker is not null) update.Parameters.AddWithValue("worker", worker);
        update.Parameters.AddWithValue("status", status);
        update.Parameters.AddWithValue("result", (object?)resultJson ?? DBNull.Value);
        update.Parameters.AddWithValue("error_code", (object?)errorCode ?? DBNull.Value);
        update.Parameters.AddWithValue("error_message", (object?)errorMessage ?? DBNull.Value);
        update.Parameters.AddWithValue("now", clock.GetUtcNow());
        if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        await using (var deletePayload = new NpgsqlCommand("DELETE FROM analysis_payloads WHERE analysis_id = @id", connection, transaction))
        {
            deletePayload.Parameters.AddWithValue("id", id);
            await deletePayload.ExecuteNonQueryAsync(cancellationToken);
        }
        await NotifyChangedAsync(connection, transaction, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task NotifyChangedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken)
    {
        await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @id)", connection, transaction);
        notify.Parameters.AddWithValue("channel", NotificationChannels.AnalysisChanged);
        notify.Parameters.AddWithValue("id", id.ToString("D"));
        await notify.ExecuteNonQueryAsync(cancellationToken);
    }
}
