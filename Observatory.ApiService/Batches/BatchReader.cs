using Microsoft.EntityFrameworkCore;
using Observatory.ApiService.Identity;
using Observatory.Contracts.Batches;
using Observatory.Data;
using Observatory.Data.Analyses;
using Observatory.Data.Batches;

namespace Observatory.ApiService.Batches;

/// <summary>Reads batches as the caller may see them (others' batches do not exist), with their items' counts.</summary>
public sealed class BatchReader(ObservatoryDbContext db, CallerIdentity caller)
{
    public async Task<BatchRecord?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var batch = await db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        return batch is not null && caller.CanSee(batch.Owner) ? batch : null;
    }

    /// <summary>Counts per status and the summed progress of running items, in one grouped query.</summary>
    public async Task<(BatchCounts Counts, double RunningProgress)> CountAsync(Guid batchId, CancellationToken cancellationToken)
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

    public async Task<IReadOnlyList<BatchItem>> ItemsAsync(Guid batchId, int offset, int limit, CancellationToken cancellationToken) =>
        await db.Analyses.AsNoTracking().Where(a => a.BatchId == batchId && a.BatchIndex >= offset)
            .OrderBy(a => a.BatchIndex).Take(limit)
            .Select(a => new BatchItem(a.BatchRef ?? "", a.Id, a.Status))
            .ToListAsync(cancellationToken);

    public async Task<BatchResource> ReadResourceAsync(BatchRecord batch, int offset, int limit, CancellationToken cancellationToken)
    {
        var (counts, runningProgress) = await CountAsync(batch.Id, cancellationToken);
        var items = await ItemsAsync(batch.Id, offset, limit, cancellationToken);
        return BatchResources.ToResource(batch, counts, runningProgress, offset, limit, items);
    }

    /// <summary>The batch's items with everything an export needs, in batch order, streamed from the database.</summary>
    public IAsyncEnumerable<AnalysisRecord> StreamItems(Guid batchId) =>
        db.Analyses.AsNoTracking().Where(a => a.BatchId == batchId).OrderBy(a => a.BatchIndex).AsAsyncEnumerable();
}
