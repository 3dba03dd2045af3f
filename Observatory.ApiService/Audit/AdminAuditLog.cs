using System.Diagnostics;
using System.Text.Json;
using Observatory.ApiService.Identity;
using Observatory.Data;
using Observatory.Data.Audit;

namespace Observatory.ApiService.Audit;

/// <summary>Records admin actions in the audit trail directly (they are rare and must not be lost with a buffer).</summary>
public sealed class AdminAuditLog(ObservatoryDbContext db, TimeProvider clock)
{
    public async Task RecordAsync(CallerIdentity admin, string method, string path, int status, string? resourceId, object details, CancellationToken cancellationToken)
    {
        db.Audit.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow(),
            Kind = "admin",
            Principal = admin.Principal,
            Tier = admin.Tier,
            KeyPrefix = admin.KeyPrefix,
            ClientIp = admin.ClientIp,
            Method = method,
            Path = path,
            Status = status,
            ResourceId = resourceId,
            TraceId = Activity.Current?.TraceId.ToHexString(),
            DetailsJson = JsonSerializer.Serialize(details),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
