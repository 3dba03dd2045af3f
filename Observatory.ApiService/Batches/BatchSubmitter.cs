using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Observatory.ApiService.Identity;
using Observatory.ApiService.Queueing;
using Observatory.Data.Analyses;
using Observatory.Data.Batches;
using Observatory.Data.Conversations;

namespace Observatory.ApiService.Batches;

/// <summary>Stores a batch, its items (ordinary analyses linked to it), their payloads and their outbox rows in one
/// transaction: the whole batch is accepted or nothing is. Items go in with binary COPY — a thousand rows per table
/// in one round trip each.</summary>
public sealed class BatchSubmitter(NpgsqlDataSource dataSource, OutboxSignal outboxSignal, TimeProvider clock)
{
    public async Task<BatchRecord> SubmitAsync(BatchSubmission submission, CallerIdentity caller, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var traceParent = Activity.Current?.Id;
        var batch = new BatchRecord
        {
            Id = Guid.CreateVersion7(now),
            Owner = caller.Principal,
            OwnerTier = caller.Tier,
            Title = submission.Title,
            Priority = submission.Priority,
            OptionsJson = (submission.Options with { CallbackUrl = submission.CallbackUrl }).ToJson(),
            Total = submission.Items.Count,
            Status = BatchStatus.Queued,
            CreatedAt = now,
            TraceParent = traceParent,
        };
        var ids = submission.Items.Select(_ => Guid.CreateVersion7(now)).ToArray();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO batches (id, owner, owner_tier, title, priority, options_json, total, status, created_at, trace_parent)
            VALUES (@id, @owner, @owner_tier, @title, @priority, @options::jsonb, @total, @status, @created_at, @trace_parent)
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("id", batch.Id);
            insert.Parameters.Add(new NpgsqlParameter("owner", NpgsqlDbType.Text) { Value = (object?)batch.Owner ?? DBNull.Value });
            insert.Parameters.AddWithValue("owner_tier", batch.OwnerTier);
            insert.Parameters.Add(new NpgsqlParameter("title", NpgsqlDbType.Text) { Value = (object?)batch.Title ?? DBNull.Value });
            insert.Parameters.AddWithValue("priority", batch.Priority);
            insert.Parameters.AddWithValue("options", batch.OptionsJson);
            insert.Parameters.AddWithValue("total", batch.Total);
            insert.Parameters.AddWithValue("status", batch.Status);
            insert.Parameters.AddWithValue("created_at", now);
            insert.Parameters.Add(new NpgsqlParameter("trace_parent", NpgsqlDbType.Text) { Value = (object?)traceParent ?? DBNull.Value });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var analyses = await connection.BeginBinaryImportAsync("""
            COPY analyses (id, owner, owner_tier, status, progress, title, metadata_json, options_json, message_count,
                batch_id, batch_index, batch_ref, priority, created_at, published_at, attempts, trace_parent) FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            for (var i = 0; i < ids.Length; i++)
            {
                var item = submission.Items[i];
                await analyses.StartRowAsync(cancellationToken);
                await analyses.WriteAsync(ids[i], NpgsqlDbType.Uuid, cancellationToken);
                await WriteNullableAsync(analyses, batch.Owner, cancellationToken);
                await analyses.WriteAsync(batch.OwnerTier, NpgsqlDbType.Text, cancellationToken);
                await analyses.WriteAsync(AnalysisStatus.Queued, NpgsqlDbType.Text, cancellationToken);
                await analyses.WriteAsync(0.0, NpgsqlDbType.Double, cancellationToken);
                await WriteNullableAsync(analyses, item.Conversation.Title, cancellationToken);
                await analyses.WriteAsync(JsonSerializer.Serialize(item.Conversation.Metadata), NpgsqlDbType.Jsonb, cancellationToken);
                await analyses.WriteAsync(item.Conversation.Options.ToJson(), NpgsqlDbType.Jsonb, cancellationToken);
                await analyses.WriteAsync(item.Conversation.Conversation.Messages.Count, NpgsqlDbType.Integer, cancellationToken);
                await analyses.WriteAsync(batch.Id, NpgsqlDbType.Uuid, cancellationToken);
                await analyses.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken);
                await analyses.WriteAsync(item.Ref, NpgsqlDbType.Text, cancellationToken);
                await analyses.WriteAsync(batch.Priority, NpgsqlDbType.Smallint, cancellationToken);
                await analyses.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                await analyses.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                await analyses.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
                await WriteNullableAsync(analyses, traceParent, cancellationToken);
            }
            await analyses.CompleteAsync(cancellationToken);
        }

        await using (var payloads = await connection.BeginBinaryImportAsync(
            "COPY analysis_payloads (analysis_id, conversation_json) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < ids.Length; i++)
            {
                await payloads.StartRowAsync(cancellationToken);
                await payloads.WriteAsync(ids[i], NpgsqlDbType.Uuid, cancellationToken);
                await payloads.WriteAsync(ConversationPayloadJson.Serialize(submission.Items[i].Conversation.Conversation), NpgsqlDbType.Json, cancellationToken);
            }
            await payloads.CompleteAsync(cancellationToken);
        }

        await using (var outbox = await connection.BeginBinaryImportAsync(
            "COPY outbox (kind, analysis_id, trace_parent, priority, created_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var id in ids)
            {
                await outbox.StartRowAsync(cancellationToken);
                await outbox.WriteAsync("analysis.queued", NpgsqlDbType.Text, cancellationToken);
                await outbox.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                await WriteNullableAsync(outbox, traceParent, cancellationToken);
                await outbox.WriteAsync(batch.Priority, NpgsqlDbType.Smallint, cancellationToken);
                await outbox.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            }
            await outbox.CompleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        outboxSignal.Notify();
        return batch;
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
}
