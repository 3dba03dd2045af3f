using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Observatory.ApiService.Analyses.Submission;
using Observatory.ApiService.Identity;
using Observatory.ApiService.Queueing;
using Observatory.Data;
using Observatory.Data.Analyses;
using Observatory.Data.Conversations;

namespace Observatory.ApiService.Analyses;

public enum SubmissionOutcome { Created, Replayed, IdempotencyConflict }

/// <summary>Stores an accepted conversation: the analysis, its payload and the outbox row that will queue it, in
/// one transaction — so an accepted analysis is never lost and never queued without its text.</summary>
public sealed class AnalysisSubmitter(ObservatoryDbContext db, NpgsqlDataSource dataSource, OutboxSignal outboxSignal, TimeProvider clock)
{
    private static readonly TimeSpan IdempotencyWindow = TimeSpan.FromHours(24);

    public async Task<(SubmissionOutcome Outcome, AnalysisRecord? Record)> SubmitAsync(
        ConversationSubmission submission, CallerIdentity caller, string? idempotencyKey, byte[] rawBody, CancellationToken cancellationToken)
    {
        var requestHash = idempotencyKey is null ? null : Convert.ToHexStringLower(SHA256.HashData(rawBody));
        if (idempotencyKey is not null)
        {
            var existing = await FindIdempotentAsync(caller.IdempotencyScope, idempotencyKey, cancellationToken);
            if (existing is not null)
                return existing.RequestHash == requestHash ? (SubmissionOutcome.Replayed, existing) : (SubmissionOutcome.IdempotencyConflict, existing);
        }

        var now = clock.GetUtcNow();
        var record = new AnalysisRecord
        {
            Id = Guid.CreateVersion7(now),
            Owner = caller.Principal,
            OwnerTier = caller.Tier,
            Status = AnalysisStatus.Queued,
            Title = submission.Title,
            MetadataJson = JsonSerializer.Serialize(submission.Metadata),
            OptionsJson = submission.Options.ToJson(),
            MessageCount = submission.Conversation.Messages.Count,
            IdempotencyScope = idempotencyKey is null ? null : caller.IdempotencyScope,
            IdempotencyKey = idempotencyKey,
            RequestHash = requestHash,
            CreatedAt = now,
            PublishedAt = now,
            TraceParent = Activity.Current?.Id,
        };
        try
        {
            await InsertAsync(record, ConversationPayloadJson.Serialize(submission.Conversation), cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && idempotencyKey is not null)
        {
            // Two requests with the same key raced; the other one won. Answer as a replay of it.
            var winner = await FindIdempotentAsync(caller.IdempotencyScope, idempotencyKey, cancellationToken);
            if (winner is null) throw;
            return winner.RequestHash == requestHash ? (SubmissionOutcome.Replayed, winner) : (SubmissionOutcome.IdempotencyConflict, winner);
        }
        outboxSignal.Notify();
        return (SubmissionOutcome.Created, record);
    }

    /// <summary>The analysis, its payload and its outbox row in one batch: one round trip, one implicit transaction.
    /// (This is the hottest write path; a hand-written batch costs a fraction of EF change tracking.)</summary>
    private async Task InsertAsync(AnalysisRecord record, string conversationJson, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var insertAnalysis = new NpgsqlBatchCommand("""
            INSERT INTO analyses (id, owner, owner_tier, status, progress, title, metadata_json, options_json, message_count, batch_id,
                priority, idempotency_scope, idempotency_key, request_hash, created_at, published_at, attempts, trace_parent)
            VALUES ($1, $2, $3, $4, 0, $5, $6::jsonb, $7::jsonb, $8, $9::uuid, $10, $11, $12, $13, $14, $14, 0, $15)
            """);
        foreach (var value in new object?[]
        {
            record.Id, record.Owner, record.OwnerTier, record.Status, record.Title, record.MetadataJson, record.OptionsJson,
            record.MessageCount, record.BatchId, record.Priority, record.IdempotencyScope, record.IdempotencyKey, record.RequestHash,
            record.CreatedAt, record.TraceParent,
        })
            insertAnalysis.Parameters.Add(Parameter(value));
        var insertPayload = new NpgsqlBatchCommand("INSERT INTO analysis_payloads (analysis_id, conversation_json) VALUES ($1, $2::json)");
        insertPayload.Parameters.Add(Parameter(record.Id));
        insertPayload.Parameters.Add(Parameter(conversationJson));
        var insertOutbox = new NpgsqlBatchCommand(
            "INSERT INTO outbox (kind, analysis_id, trace_parent, priority, created_at) VALUES ('analysis.queued', $1, $2, $3, $4)");
        foreach (var value in new object?[] { record.Id, record.TraceParent, record.Priority, record.CreatedAt })
            insertOutbox.Parameters.Add(Parameter(value));
        batch.BatchCommands.Add(insertAnalysis);
        batch.BatchCommands.Add(insertPayload);
        batch.BatchCommands.Add(insertOutbox);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    // Typed nulls: PostgreSQL cannot infer a type for an untyped NULL in a VALUES list.
    private static NpgsqlParameter Parameter(object? value) => value switch
    {
        null => new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
        Guid g => new NpgsqlParameter<Guid> { TypedValue = g },
        _ => new NpgsqlParameter { Value = value },
    };

    private async Task<AnalysisRecord?> FindIdempotentAsync(string scope, string key, CancellationToken cancellationToken)
    {
        var existing = await db.Analyses.AsNoTracking()
            .FirstOrDefaultAsync(a => a.IdempotencyScope == scope && a.IdempotencyKey == key, cancellationToken);
        if (existing is null || existing.CreatedAt > clock.GetUtcNow() - IdempotencyWindow) return existing;

        // Older than the window: the key is free again.
        await db.Analyses.Where(a => a.Id == existing.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.IdempotencyKey, (string?)null), cancellationToken);
        return null;
    }
}
