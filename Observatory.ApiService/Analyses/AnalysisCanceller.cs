using Microsoft.EntityFrameworkCore;
using Observatory.Data;
using Observatory.Data.Analyses;
using Observatory.Messaging;

namespace Observatory.ApiService.Analyses;

/// <summary>Cancels a queued or running analysis. One conditional UPDATE decides the race with a worker finishing
/// at the same moment: whichever commits first wins, and a cancelled analysis never gets a result. The payload
/// goes in the same transaction; after the commit a signal tells the worker running it to stop.</summary>
public sealed class AnalysisCanceller(ObservatoryDbContext db, AnalysisSignals signals, TimeProvider clock)
{
    /// <summary>Returns the number of analyses cancelled (0 when already terminal).</summary>
    public async Task<int> CancelAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return 0;
        var now = clock.GetUtcNow();
        var idArray = ids.ToArray();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cancelled = await db.Database.SqlQuery<Guid>($"""
            UPDATE analyses SET status = {AnalysisStatus.Cancelled}, completed_at = {now}, lease_owner = NULL, lease_expires_at = NULL
            WHERE id = ANY({idArray}) AND status IN ('queued', 'running')
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
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
