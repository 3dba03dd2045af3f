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

    public Task<(BatchCounts Counts, double RunningProgress)> CountAsync(Guid batchId, CancellationToken cancellationToken) =>
        BatchResourceQueries.CountAsync(db, batchId, cancellationToken);

    public Task<IReadOnlyList<BatchItem>> ItemsAsync(Guid batchId, int offset, int limit, CancellationToken cancellationToken) =>
        BatchResourceQueries.ItemsAsync(db, batchId, offset, limit, cancellationToken);

    public Task<BatchResource> ReadResourceAsync(BatchRecord batch, int offset, int limit, CancellationToken cancellationToken) =>
        BatchResourceQueries.ReadAsync(db, batch, offset, limit, cancellationToken);

    /// <summary>The batch's items with everything an export needs, in batch order, streamed from the database.</summary>
    public IAsyncEnumerable<AnalysisRecord> StreamItems(Guid batchId) =>
        db.Analyses.AsNoTracking().Where(a => a.BatchId == batchId).OrderBy(a => a.BatchIndex).AsAsyncEnumerable();
}
