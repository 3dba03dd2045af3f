using Microsoft.EntityFrameworkCore;
using Observatory.Contracts.Batches;
using Observatory.Contracts.Webhooks;
using Observatory.Data;

namespace Observatory.AnalysisWorker.Webhooks;

/// <summary>The batch resource of GET /api/v1/analyze/batch/{id}, for batch.* events — with every item (a batch
/// holds at most 1,000), so a receiver needs no further call to map refs to analyses.</summary>
public sealed class BatchResourceReader(IServiceScopeFactory scopes) : IWebhookResourceReader
{
    public string ResourceKind => "batch";

    public async Task<string?> ReadJsonAsync(Guid resourceId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObservatoryDbContext>();
        var batch = await db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == resourceId, cancellationToken);
        if (batch is null) return null;
        var resource = await BatchResourceQueries.ReadAsync(db, batch, 0, Math.Max(1, batch.Total), cancellationToken);
        return WebhookEnvelope.SerializeResource(resource);
    }
}
