using Npgsql;
using NpgsqlTypes;
using Observatory.Data.Webhooks;

namespace Observatory.AnalysisWorker.Webhooks;

/// <summary>The delivery state machine of webhook_deliveries, as conditional SQL. A claim pushes
/// <c>next_attempt_at</c> past the attempt's timeout and counts the attempt; outcomes are recorded only while the row
/// is still pending, and a failure only by the dispatcher holding the latest claim, so a dispatcher whose claim
/// lapsed cannot overwrite a newer attempt's outcome.</summary>
public sealed class WebhookDeliveryLedger(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const int MaxErrorLength = 500;

    private const string ClaimSql = $"""
        UPDATE webhook_deliveries d
        SET next_attempt_at = @claim_until, attempts = d.attempts + 1, last_attempt_at = @now
        FROM (SELECT id FROM webhook_deliveries
              WHERE status = '{WebhookDeliveryStatus.Pending}' AND next_attempt_at <= @now
              ORDER BY next_attempt_at LIMIT @limit
              FOR UPDATE SKIP LOCKED) due
        WHERE d.id = due.id
        RETURNING d.id, d.event_id, d.principal, d.type, d.resource_id, d.url, d.body, d.attempts, d.created_at,
                  (SELECT s.secret FROM webhook_secrets s WHERE s.principal = d.principal)
        """;

    // The first attempt to build the body stores it; a racing one (after a lapsed claim) gets the stored one back.
    // Building can be slow (a cold process, a large result), so the claim is renewed from here for the send itself.
    private const string FixBodySql = """
        UPDATE webhook_deliveries
        SET body = CASE WHEN body = '' THEN @body ELSE body END,
            next_attempt_at = CASE WHEN attempts = @attempt AND status = 'pending' THEN @claim_until ELSE next_attempt_at END
        WHERE id = @id
        RETURNING body
        """;

    private const string DeliveredSql = $"""
        UPDATE webhook_deliveries
        SET status = '{WebhookDeliveryStatus.Delivered}', delivered_at = @now, next_attempt_at = NULL, last_status_code = @code, last_error = NULL
        WHERE id = @id AND status = '{WebhookDeliveryStatus.Pending}'
        """;

    private const string FailedSql = $"""
        UPDATE webhook_deliveries
        SET status = CASE WHEN @next IS NULL THEN '{WebhookDeliveryStatus.Dead}' ELSE status END,
            next_attempt_at = @next, last_status_code = @code, last_error = @error
        WHERE id = @id AND status = '{WebhookDeliveryStatus.Pending}' AND attempts = @attempt
        """;

    /// <summary>Claims up to <paramref name="limit"/> due deliveries for one attempt each (SKIP LOCKED: replicas share them).</summary>
    public async Task<List<ClaimedDelivery>> ClaimDueAsync(int limit, TimeSpan claimDuration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var claim = dataSource.CreateCommand(ClaimSql);
        claim.Parameters.AddWithValue("now", now);
        claim.Parameters.AddWithValue("claim_until", now + claimDuration);
        claim.Parameters.AddWithValue("limit", limit);
        var claimed = new List<ClaimedDelivery>();
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            claimed.Add(new ClaimedDelivery(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetGuid(4), reader.GetString(5),
                reader.GetString(6), reader.GetInt32(7), reader.GetFieldValue<DateTimeOffset>(8), reader.IsDBNull(9) ? null : reader.GetString(9)));
        return claimed;
    }

    /// <summary>Stores the body built at the first attempt, renews this attempt's claim, and returns the body every
    /// attempt must send.</summary>
    public async Task<string> FixBodyAsync(long id, int attempt, string body, TimeSpan claimDuration, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(FixBodySql);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("attempt", attempt);
        command.Parameters.AddWithValue("body", body);
        command.Parameters.AddWithValue("claim_until", clock.GetUtcNow() + claimDuration);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task RecordDeliveredAsync(long id, int statusCode, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(DeliveredSql);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        command.Parameters.AddWithValue("code", statusCode);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records a failed attempt: due again at <paramref name="nextAttemptAt"/>, or dead when that is null.</summary>
    public async Task RecordFailedAsync(long id, int attempt, int? statusCode, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(FailedSql);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("attempt", attempt);
        command.Parameters.Add(new NpgsqlParameter("next", NpgsqlDbType.TimestampTz) { Value = (object?)nextAttemptAt ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("code", NpgsqlDbType.Integer) { Value = (object?)statusCode ?? DBNull.Value });
        command.Parameters.AddWithValue("error", error.Length > MaxErrorLength ? error[..MaxErrorLength] : error);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
