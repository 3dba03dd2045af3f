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
using Observatory.Data.Outbox;

namespace Observatory.ApiService.Analyses;

public enum SubmissionOutcome { Created, Replayed, IdempotencyConflict }

/// <summary>Stores an accepted conversation: the analysis, its payload and the outbox row that will queue it, in
/// one transaction — so an accepted analysis is never lost and never queued without its text.</summary>
public sealed class AnalysisSubmitter(ObservatoryDbContext db, OutboxSignal outboxSignal, TimeProvider clock)
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
        db.Analyses.Add(record);
        db.AnalysisPayloads.Add(new AnalysisPayload { AnalysisId = record.Id, ConversationJson = ConversationPayloadJson.Serialize(submission.Conversation) });
        db.Outbox.Add(new OutboxMessage { AnalysisId = record.Id, TraceParent = record.TraceParent, Priority = record.Priority, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } && idempotencyKey is not null)
        {
            // Two requests with the same key raced; the other one won. Answer as a replay of it.
            db.ChangeTracker.Clear();
            var winner = await FindIdempotentAsync(caller.IdempotencyScope, idempotencyKey, cancellationToken);
            if (winner is null) throw;
            return winner.RequestHash == requestHash ? (SubmissionOutcome.Replayed, winner) : (SubmissionOutcome.IdempotencyConflict, winner);
        }
        outboxSignal.Notify();
        return (SubmissionOutcome.Created, record);
    }

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
