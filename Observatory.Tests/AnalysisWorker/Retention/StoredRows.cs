using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Observatory.Analysis;
using Observatory.Analysis.Aggregation;
using Observatory.AnalysisWorker.Retention;
using Observatory.Data.Retention;

namespace Observatory.Tests.AnalysisWorker.Retention;

/// <summary>Writes rows the way the services leave them, at chosen moments in the past, so retention and insights
/// can be tested without waiting days. Digests are real <see cref="ConversationDigest"/> JSON.</summary>
public sealed class StoredRows(string connectionString) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = NpgsqlDataSource.Create(connectionString);

    public static string Digest(double? sentiment, bool llmUsed, params string[] patterns) => new ConversationDigest
    {
        Messages = 4,
        Sentiment = sentiment,
        SentimentLabel = sentiment is null ? null : sentiment > 0.05 ? SentimentLabel.Positive : sentiment < -0.05 ? SentimentLabel.Negative : SentimentLabel.Neutral,
        DetectedPatterns = patterns,
        Keywords = [],
        Excerpt = null,
        LlmUsed = llmUsed,
        Confidence = 0.8,
    }.ToJson();

    /// <summary>An analysis that completed at <paramref name="completedAt"/> with a result and a digest.</summary>
    public Task<Guid> CompletedAsync(string? owner, DateTimeOffset createdAt, DateTimeOffset completedAt, string? digest = null,
        DateTimeOffset? lastReadAt = null, Guid? batchId = null) =>
        InsertAsync(owner, "completed", createdAt, completedAt, """{"seeded":true}""", digest ?? Digest(0.1, false, "question_answer"), lastReadAt, batchId);

    public Task<Guid> EndedAsync(string? owner, string status, DateTimeOffset createdAt, DateTimeOffset completedAt) =>
        InsertAsync(owner, status, createdAt, completedAt, null, null, null, null);

    /// <summary>A queued analysis, with its conversation payload still stored.</summary>
    public async Task<Guid> QueuedAsync(string? owner, DateTimeOffset createdAt)
    {
        var id = await InsertAsync(owner, "queued", createdAt, null, null, null, null, null);
        await ExecuteAsync("INSERT INTO analysis_payloads (analysis_id, conversation_json) VALUES (@id, '{\"messages\":[]}')", ("id", id));
        return id;
    }

    public async Task<Guid> BatchAsync(string? owner, DateTimeOffset createdAt)
    {
        var id = Guid.NewGuid();
        await ExecuteAsync("""
            INSERT INTO batches (id, owner, owner_tier, priority, options_json, total, status, created_at)
            VALUES (@id, @owner, 'standard', 1, '{}', 1, 'completed', @created)
            """, ("id", id), ("owner", (object?)owner ?? DBNull.Value), ("created", createdAt));
        return id;
    }

    public Task WebhookDeliveriesAsync(int count, DateTimeOffset createdAt) => ExecuteAsync("""
        INSERT INTO webhook_deliveries (event_id, principal, type, resource_id, url, body, status, attempts, created_at)
        SELECT 'evt_' || gen_random_uuid(), 'key:hooks', 'analysis.completed', gen_random_uuid(), 'https://example.com/hook', '{}', 'delivered', 1, @created
        FROM generate_series(1, @count)
        """, ("count", count), ("created", createdAt));

    /// <summary>Many completed analyses at once (for chunking), owned by <paramref name="owner"/>.</summary>
    public Task ManyCompletedAsync(int count, string owner, DateTimeOffset completedAt) => ExecuteAsync("""
        INSERT INTO analyses (id, owner, owner_tier, status, progress, metadata_json, options_json, message_count, priority, attempts,
                              created_at, completed_at, result_json, digest_json)
        SELECT gen_random_uuid(), @owner, 'standard', 'completed', 1, '{}', '{}', 2, 1, 1, @completed, @completed, '{"seeded":true}', NULL
        FROM generate_series(1, @count)
        """, ("count", count), ("owner", owner), ("completed", completedAt));

    public Task AuditEntryAsync(DateTimeOffset occurredAt) => ExecuteAsync(
        "INSERT INTO audit_log (occurred_at, kind, principal, method, path, status) VALUES (@at, 'request', 'key:old', 'GET', '/api/v1/analyze', 200)",
        ("at", occurredAt));

    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<T?> ValueAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A sweeper like the worker's, with its own settings and a clock the test sets.</summary>
    public RetentionSweeper Sweeper(TimeProvider clock, TimeSpan results, TimeSpan metadata) =>
        new(DataSource, Options.Create(new RetentionOptions { Results = results, Metadata = metadata }), clock, NullLogger<RetentionSweeper>.Instance);

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    private async Task<Guid> InsertAsync(string? owner, string status, DateTimeOffset createdAt, DateTimeOffset? completedAt, string? result, string? digest,
        DateTimeOffset? lastReadAt, Guid? batchId)
    {
        var id = Guid.NewGuid();
        await ExecuteAsync("""
            INSERT INTO analyses (id, owner, owner_tier, status, progress, metadata_json, options_json, message_count, priority, attempts,
                                  created_at, started_at, completed_at, last_read_at, result_json, digest_json, batch_id, batch_index)
            VALUES (@id, @owner, @tier, @status, 1, '{}', '{}', 4, 1, 1, @created, @created, @completed, @read, @result::json, @digest::json, @batch,
                    CASE WHEN @batch IS NULL THEN NULL ELSE 0 END)
            """,
            ("id", id), ("owner", (object?)owner ?? DBNull.Value), ("tier", owner is null ? "public" : "standard"), ("status", status),
            ("created", createdAt), ("completed", Nullable(completedAt)), ("read", Nullable(lastReadAt)),
            ("result", (object?)result ?? DBNull.Value), ("digest", (object?)digest ?? DBNull.Value), ("batch", (object?)batchId ?? DBNull.Value));
        return id;
    }

    private static object Nullable(DateTimeOffset? value) => value is { } v ? v : DBNull.Value;

    private NpgsqlCommand Command(string sql, (string Name, object Value)[] parameters)
    {
        var command = DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            // Untyped nulls need a type PostgreSQL can infer from; text casts cover every column used here.
            command.Parameters.Add(value is DBNull
                ? new NpgsqlParameter(name, name is "completed" or "read" or "created" ? NpgsqlTypes.NpgsqlDbType.TimestampTz
                    : name == "batch" ? NpgsqlTypes.NpgsqlDbType.Uuid : NpgsqlTypes.NpgsqlDbType.Text) { Value = DBNull.Value }
                : new NpgsqlParameter(name, value));
        }
        return command;
    }
}
