using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Observatory.Contracts.Analyses;
using Observatory.Contracts.Webhooks;
using Observatory.Data;
using Observatory.Data.Retention;

namespace Observatory.AnalysisWorker.Webhooks;

/// <summary>The analysis resource of GET /api/v1/analyze/{id}, for analysis.* events.</summary>
public sealed class AnalysisResourceReader(IServiceScopeFactory scopes, IOptions<RetentionOptions> retention) : IWebhookResourceReader
{
    public string ResourceKind => "analysis";

    public async Task<string?> ReadJsonAsync(Guid resourceId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObservatoryDbContext>();
        var record = await db.Analyses.AsNoTracking().FirstOrDefaultAsync(a => a.Id == resourceId, cancellationToken);
        return record is null ? null : WebhookEnvelope.SerializeResource(AnalysisResources.ToResource(record, retention.Value));
    }
}
