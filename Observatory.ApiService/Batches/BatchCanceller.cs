using Microsoft.EntityFrameworkCore;
using Observatory.ApiService.Analyses;
using Observatory.Data;
using Observatory.Data.Batches;

namespace Observatory.ApiService.Batches;

/// <summary>Cancels every item of a batch that has not finished, through the same conditional transition as a
/// single cancel (running items stop within seconds and store nothing), then finalizes the batch right away since
/// all of its items are terminal.</summary>
public sealed class BatchCanceller(ObservatoryDbContext db, AnalysisCanceller analyses, BatchCompletion completion, TimeProvider clock)
{
    /// <summary>Returns how many items were cancelled.</summary>
    public async Task<int> CancelAsync(Guid batchId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Batches.Where(b => b.Id == batchId && b.CancelRequestedAt == null && b.Status == BatchStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.CancelRequestedAt, now), cancellationToken);
        var open = await db.Analyses.Where(a => a.BatchId == batchId && (a.Status == "queued" || a.Status == "running"))
            .Select(a => a.Id).ToListAsync(cancellationToken);
        var cancelled = await analyses.CancelAsync(open, cancellationToken);
        await completion.TryCompleteAsync(batchId, cancellationToken);
        return cancelled;
    }
}
