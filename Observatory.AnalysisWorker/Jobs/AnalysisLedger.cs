using Npgsql;
using Observatory.Data.Analyses;
using Observatory.Data.Conversations;
using Observatory.Data.Webhooks;
using Observatory.AnalysisWorker.Webhooks;
using Observatory.Messaging;

namespace Observatory.AnalysisWorker.Jobs;

/// <summary>The worker's side of the analysis state machine, as conditional SQL: every transition names the state
/// it expects, so a duplicate delivery, a cancel racing a completion, or a worker whose lease was taken over can
/// never produce a second result or overwrite a terminal state. Each transition is one statement (one round trip,
/// atomic by itself); listeners are signalled after it commits.</summary>
public sealed class AnalysisLedger(NpgsqlDataSource dataSource, AnalysisSignals signals, WebhookDispatchSignal webhooks, TimeProvider clock)
{
    private const string ClaimSql = """
        UPDATE analyses
        SET status = 'running', started_at = COALESCE(started_at, @now), progress = GREATEST(progress, 0.05),
            lease_owner = @worker, lease_expires_at = @lease_until, attempts = attempts + 1
        WHERE id = @id AND ((status = 'queued' AND priority = @priority) OR (status = 'running' AND lease_expires_at < @now))
        RETURNING created_at, started_at, options_json, (SELECT conversation_json FROM analysis_payloads WHERE analysis_id = @id), batch_id
        """;

    // The result, the deletion of the conversation text and the webhook event (an outbox row, CONTRACT §5) commit
    // together: one statement, three tables.
    private static string FinishSql(string condition) => $$"""
        WITH finished AS (
            UPDATE analyses
            SET status = @status, progress = CASE WHEN @status = 'completed' THEN 1 ELSE progress END,
                result_json = @result::json, digest_json = @digest::json, error_code = @error_code, error_message = @error_message,
                completed_at = @now, lease_owner = NULL, lease_expires_at = NULL
            WHERE id = @id AND {{condition}}
            RETURNING id, owner, status, options_json, batch_id, completed_at),
        dropped AS (DELETE FROM analysis_payloads WHERE analysis_id IN (SELECT id FROM finished)),
        announced AS ({{WebhookEventSql.AnnounceFinishedAnalyses("finished")}}
            RETURNING id)
        SELECT (SELECT count(*) FROM finished), (SELECT count(*) FROM announced)
        """;

    // Built once each: finishing is on every analysis's path.
    private static readonly string FinishHeldSql = FinishSql("status = 'running' AND lease_owner = @worker");
    private static readonly string FinishAnySql = FinishSql("status IN ('queued', 'running')");

    private const string ReleaseSql = """
        WITH released AS (
            UPDATE analyses SET status = 'queued', lease_owner = NULL, lease_expires_at = NULL, published_at = @now
            WHERE id = @id AND status = 'running' AND lease_owner = @worker
            RETURNING id, trace_parent, priority)
        INSERT INTO outbox (kind, analysis_id, trace_parent, priority, created_at)
        SELECT 'analysis.queued', id, trace_parent, priority, @now FROM released
        """;

    /// <summary>queued → running (or takes over a running analysis whose lease expired). Null when the analysis
    /// is gone, terminal, or held by a live worker: the delivery is then a duplicate and is simply acknowledged.
    /// A queued analysis is claimed only from the stream of its current priority: a batch moved to another
    /// priority leaves stale entries in the old stream, which must not run it first.</summary>
    public async Task<ClaimedAnalysis?> TryClaimAsync(Guid id, short priority, string worker, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var claim = dataSource.CreateCommand(ClaimSql);
        claim.Parameters.AddWithValue("id", id);
        claim.Parameters.AddWithValue("now", now);
        claim.Parameters.AddWithValue("worker", worker);
        claim.Parameters.AddWithValue("lease_until", now + lease);
        claim.Parameters.AddWithValue("priority", priority);
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var claimed = new ClaimedAnalysis(id,
            reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1),
            AnalysisRequestOptions.FromJson(reader.GetString(2)),
            reader.IsDBNull(3) ? null : ConversationPayloadJson.Deserialize(reader.GetString(3)),
            reader.IsDBNull(4) ? null : reader.GetGuid(4));
        signals.Changed(id);
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
        await using var command = dataSource.CreateCommand(
            "UPDATE analyses SET progress = @progress WHERE id = @id AND status = 'running' AND lease_owner = @worker AND progress < @progress");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("worker", worker);
        command.Parameters.AddWithValue("progress", progress);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1) signals.Changed(id);
    }

    /// <summary>running → completed with the result, deleting the conversation text in the same statement.
    /// False when the analysis was cancelled or taken over meanwhile: then nothing is stored.</summary>
    public Task<bool> CompleteAsync(Guid id, string worker, string resultJson, string digestJson, CancellationToken cancellationToken) =>
        FinishAsync(id, worker, AnalysisStatus.Completed, resultJson, digestJson, null, null, cancellationToken);

    /// <summary>running → failed with a machine-readable code.</summary>
    public Task<bool> FailAsync(Guid id, string worker, string code, string message, CancellationToken cancellationToken) =>
        FinishAsync(id, worker, AnalysisStatus.Failed, null, null, code, message, cancellationToken);

    /// <summary>Fails an analysis whatever worker holds it (poison messages: nobody can finish it).</summary>
    public Task<bool> FailUnclaimedAsync(Guid id, string code, string message, CancellationToken cancellationToken) =>
        FinishAsync(id, null, AnalysisStatus.Failed, null, null, code, message, cancellationToken);

    /// <summary>running → queued on graceful shutdown, with a fresh outbox row so another worker starts it at once
    /// instead of waiting for the stream entry to go idle.</summary>
    public async Task ReleaseAsync(Guid id, string worker, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ReleaseSql);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("worker", worker);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1) signals.Changed(id);
    }

    private async Task<bool> FinishAsync(Guid id, string? worker, string status, string? resultJson, string? digestJson, string? errorCode, string? errorMessage,
        CancellationToken cancellationToken)
    {
        await using var finish = dataSource.CreateCommand(worker is null ? FinishAnySql : FinishHeldSql);
        finish.Parameters.AddWithValue("id", id);
        if (worker is not null) finish.Parameters.AddWithValue("worker", worker);
        finish.Parameters.AddWithValue("status", status);
        finish.Parameters.Add(new NpgsqlParameter("result", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)resultJson ?? DBNull.Value });
        finish.Parameters.Add(new NpgsqlParameter("digest", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)digestJson ?? DBNull.Value });
        finish.Parameters.Add(new NpgsqlParameter("error_code", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)errorCode ?? DBNull.Value });
        finish.Parameters.Add(new NpgsqlParameter("error_message", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)errorMessage ?? DBNull.Value });
        finish.Parameters.AddWithValue("now", clock.GetUtcNow());
        await using var reader = await finish.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var finished = reader.GetInt64(0) == 1;
        var announced = reader.GetInt64(1) > 0;
        if (finished) signals.Changed(id);
        if (announced) webhooks.Notify();
        return finished;
    }
}
