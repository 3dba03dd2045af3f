using Microsoft.EntityFrameworkCore;
using Npgsql;
using Observatory.Data;
using Observatory.Data.Analyses;
using Observatory.Data.Webhooks;
using Observatory.Messaging;

namespace Observatory.ApiService.Analyses;

/// <summary>Cancels a queued or running analysis. One conditional UPDATE decides the race with a worker finishing
/// at the same moment: whichever commits first wins, and a cancelled analysis never gets a result. The same
/// statement creates the analysis.cancelled webhook event (an outbox row, CONTRACT §5); the payload goes in the same
/// transaction; after the commit a signal tells the worker running it to stop (and its webhook dispatcher to look).</summary>
public sealed class AnalysisCanceller(ObservatoryDbContext db, AnalysisSignals signals, TimeProvider clock)
{
    private static readonly string CancelSql = $"""
        WITH cancelled AS (
            UPDATE analyses SET status = @status, completed_at = @now, lease_owner = NULL, lease_expires_at = NULL
            WHERE id = ANY(@ids) AND status IN ('queued', 'running')
            RETURNING id, owner, status, options_json, batch_id, completed_at),
        announced AS ({WebhookEventSql.AnnounceFinishedAnalyses("cancelled")})
        SELECT id AS "Value" FROM cancelled
        """;

    /// <summary>Returns the number of analyses cancelled (0 when already terminal).</summary>
    public async Task<int> CancelAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return 0;
        var now = clock.GetUtcNow();
        var idArray = ids.ToArray();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cancelled = await db.Database.SqlQueryRaw<Guid>(CancelSql,
                new NpgsqlParameter("status", AnalysisStatus.Cancelled),
                new NpgsqlParameter("now", now),
                new NpgsqlParameter("ids", idArray))
            .ToListAsync(cancellationToken);
        if (cancelled.Count > 0)
        {
            var cancelledArray = cancelled.ToArray();
            await db.Database.ExecuteSqlAsync($"DELETE FROM analysis_payloads WHERE analysis_id = ANY({cancelledArray})", cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        foreach (var id in cancelled) signals.Cancelled(id);
        return cancelled.Count;
    }
}
