using Microsoft.EntityFrameworkCore;
using Observatory.Data;
using Observatory.Data.Analyses;
using Observatory.Data.Batches;

namespace Observatory.Contracts.Batches;

/// <summary>The reads behind a batch resource, shared by the API's GET and the worker's batch.completed events so
/// both describe a batch the same way.</summary>
public static class BatchResourceQueries
{
    /// <summary>Counts per status and the summed progress of running items, in one grouped query.</summary>
    public static async Task<(BatchCounts Counts, double RunningProgress)> CountAsync(ObservatoryDbContext db, Guid batchId, CancellationToken cancellationToken)
    {
        var groups = await db.Analyses.AsNoTracking().Where(a => a.BatchId == batchId)
            .GroupBy(a => a.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Progress = g.Sum(a => a.Progress) })
            .ToListAsync(cancellationToken);
        int Of(string status) => groups.FirstOrDefault(g => g.Status == status)?.Count ?? 0;
        var counts = new BatchCounts(Of(AnalysisStatus.Queued), Of(AnalysisStatus.Running), Of(AnalysisStatus.Completed),
            Of(AnalysisStatus.Failed), Of(AnalysisStatus.Cancelled));
        return (counts, groups.FirstOrDefault(g => g.Status == AnalysisStatus.Running)?.Progress ?? 0);
    }

    public static async Task<IReadOnlyList<BatchItem>> ItemsAsync(ObservatoryDbContext db, Guid batchId, int offset, int limit, CancellationToken cancellationToken) =>
        await db.Analyses.AsNoTracking().Where(a => a.BatchId == batchId && a.BatchIndex >= offset)
            .OrderBy(a => a.BatchIndex).Take(limit)
            .Select(a => new BatchItem(a.BatchRef ?? "", a.Id, a.Status))
            .ToListAsync(cancellationToken);

    public static async Task<BatchResource> ReadAsync(ObservatoryDbContext db, BatchRecord batch, int offset, int limit, CancellationToken cancellationToken)
    {
        var (counts, runningProgress) = await CountAsync(db, batch.Id, cancellationToken);
        var items = await ItemsAsync(db, batch.Id, offset, limit, cancellationToken);
        return BatchResources.ToResource(batch, counts, runningProgress, offset, limit, items);
    }
}
