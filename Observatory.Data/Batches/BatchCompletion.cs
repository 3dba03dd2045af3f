using Microsoft.Extensions.Options;
using Npgsql;
using Observatory.Analysis;
using Observatory.Analysis.Aggregation;
using Observatory.Data.Webhooks;

namespace Observatory.Data.Batches;

/// <summary>
/// Ends a batch once every item is terminal: computes its aggregate from the items' digests and stores it with the
/// final status in one conditional UPDATE. Any number of workers (and the API, after a cancel) may try at once; the
/// condition lets exactly one win, so the aggregate and the batch.completed event are written once.
/// </summary>
public sealed class BatchCompletion(NpgsqlDataSource dataSource, IOptions<BatchAggregationOptions> options, TimeProvider clock)
{
    // The result is read only where a completed item has no digest (one stored before digests existed).
    private const string ItemsSql = """
        SELECT batch_ref, status, digest_json, CASE WHEN digest_json IS NULL AND status = 'completed' THEN result_json END
        FROM analyses WHERE batch_id = @id ORDER BY batch_index
        """;

    private const string UnfinishedSql = """
        SELECT EXISTS (SELECT 1 FROM analyses WHERE batch_id = @id AND status IN ('queued', 'running'))
            OR NOT EXISTS (SELECT 1 FROM batches WHERE id = @id AND status = 'queued')
        """;

    // The batch.completed event (CONTRACT §5) is written by the same statement that ends the batch — an outbox row
    // that exists exactly when the batch ended, whether it completed or was cancelled.
    private static readonly string FinishSql = $"""
        WITH finished AS (
            UPDATE batches
            -- A cancel that arrived after every item had already finished cancelled nothing: the batch completed.
            SET status = CASE WHEN cancel_requested_at IS NOT NULL
                                   AND EXISTS (SELECT 1 FROM analyses WHERE batch_id = @id AND status = 'cancelled')
                              THEN 'cancelled' ELSE 'completed' END,
                completed_at = @now, aggregate_json = @aggregate::json
            WHERE id = @id AND status = 'queued'
              AND NOT EXISTS (SELECT 1 FROM analyses WHERE batch_id = @id AND status IN ('queued', 'running'))
            RETURNING id, owner, options_json, completed_at, status),
        announced AS ({WebhookEventSql.AnnounceCompletedBatches("finished")})
        SELECT status FROM finished
        """;

    private const string CandidatesSql = """
        SELECT b.id FROM batches b
        WHERE b.status = 'queued'
          AND NOT EXISTS (SELECT 1 FROM analyses a WHERE a.batch_id = b.id AND a.status IN ('queued', 'running'))
        ORDER BY b.created_at
        LIMIT @limit
        """;

    /// <summary>A completed item whose result and digest are both gone (retention) still counts as a conversation; it
    /// has nothing to cluster by, so it lands among the outliers.</summary>
    private static readonly ConversationDigest UnknownDigest = new()
    {
        Messages = 0, Sentiment = null, SentimentLabel = null, DetectedPatterns = [], Keywords = [], Excerpt = null, LlmUsed = false, Confidence = null,
    };

    /// <summary>Finalizes the batch if all its items are terminal; returns the final status, or null when the batch
    /// still has work (or was already finalized by someone else).</summary>
    public async Task<string?> TryCompleteAsync(Guid batchId, CancellationToken cancellationToken)
    {
        await using (var check = dataSource.CreateCommand(UnfinishedSql))
        {
            check.Parameters.AddWithValue("id", batchId);
            if ((bool)(await check.ExecuteScalarAsync(cancellationToken))!) return null;
        }

        var items = new List<BatchItem>();
        await using (var read = dataSource.CreateCommand(ItemsSql))
        {
            read.Parameters.AddWithValue("id", batchId);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var status = reader.GetString(1);
                var digest = !reader.IsDBNull(2) ? ConversationDigest.FromJson(reader.GetString(2))
                    : !reader.IsDBNull(3) ? ConversationDigest.Of(AnalysisResultJson.Deserialize(reader.GetString(3)))
                    : status == BatchItem.Completed ? UnknownDigest
                    : null;
                items.Add(new BatchItem(reader.IsDBNull(0) ? items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : reader.GetString(0),
                    status, digest));
            }
        }

        var aggregate = BatchAggregator.Aggregate(items, new BatchAggregateOptions { MinClusterSize = options.Value.MinClusterSize }, cancellationToken);
        await using var finish = dataSource.CreateCommand(FinishSql);
        finish.Parameters.AddWithValue("id", batchId);
        finish.Parameters.AddWithValue("now", clock.GetUtcNow());
        finish.Parameters.Add(new NpgsqlParameter("aggregate", NpgsqlTypes.NpgsqlDbType.Text) { Value = aggregate.ToJson() });
        return (string?)await finish.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Batches whose items are all terminal but which nobody has finalized yet.</summary>
    public async Task<IReadOnlyList<Guid>> FindFinishedAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CandidatesSql);
        command.Parameters.AddWithValue("limit", limit);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetGuid(0));
        return ids;
    }
}
