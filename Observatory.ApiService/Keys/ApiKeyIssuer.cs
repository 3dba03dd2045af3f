using Microsoft.EntityFrameworkCore;
using Observatory.ApiService.Audit;
using Observatory.ApiService.Identity;
using Observatory.Data;
using Observatory.Data.ApiKeys;
using Observatory.Data.Webhooks;
using Observatory.Identity;

namespace Observatory.ApiService.Keys;

/// <summary>Issues and revokes API keys. The key itself exists only in the response that creates it; what is stored
/// is its hash, and what gateways see is the Redis projection.</summary>
public sealed class ApiKeyIssuer(ObservatoryDbContext db, ApiKeyProjection projection, AdminAuditLog audit, TimeProvider clock)
{
    public async Task<IssuedApiKey> CreateAsync(string name, string tier, CallerIdentity admin, CancellationToken cancellationToken)
    {
        var (key, prefix) = ApiKeyFormat.Generate();
        var now = clock.GetUtcNow();
        var record = new ApiKeyRecord { Id = Guid.CreateVersion7(now), Name = name, Tier = tier, Prefix = prefix, KeyHash = ApiKeyFormat.Hash(key), CreatedAt = now };
        var secret = new WebhookSecretRecord { Principal = KeyProjection.PrincipalOf(record.Id), Secret = WebhookSecrets.Generate(), CreatedAt = now };
        db.ApiKeys.Add(record);
        db.WebhookSecrets.Add(secret);
        await db.SaveChangesAsync(cancellationToken);
        await projection.AddAsync(record.KeyHash, new KeyProjection.Entry(record.Id, record.Tier, record.Prefix));
        await audit.RecordAsync(admin, "POST", "/admin/api-keys", 201, record.Id.ToString("D"), new { name, tier, prefix }, cancellationToken);
        return new IssuedApiKey(record.Id, record.Name, record.Tier, record.Prefix, key, secret.Secret, record.CreatedAt);
    }

    /// <summary>False when there is no such key. Revoking twice is harmless.</summary>
    public async Task<bool> RevokeAsync(Guid id, CallerIdentity admin, CancellationToken cancellationToken)
    {
        var record = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (record is null) return false;
        record.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await projection.RemoveAsync(record.KeyHash);
        await audit.RecordAsync(admin, "DELETE", $"/admin/api-keys/{id:D}", 204, id.ToString("D"), new { record.Prefix }, cancellationToken);
        return true;
    }

    public Task<List<ApiKeySummary>> ListAsync(CancellationToken cancellationToken) =>
        db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt)
            .Select(k => new ApiKeySummary(k.Id, k.Name, k.Tier, k.Prefix, k.CreatedAt, k.RevokedAt))
            .ToListAsync(cancellationToken);

    /// <summary>For the gateway's fallback lookup when its Redis projection misses.</summary>
    public async Task<KeyProjection.Entry?> FindActiveAsync(string keyHash, CancellationToken cancellationToken)
    {
        var record = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyHash == keyHash && k.RevokedAt == null, cancellationToken);
        if (record is null) return null;
        var entry = new KeyProjection.Entry(record.Id, record.Tier, record.Prefix);
        await projection.AddAsync(record.KeyHash, entry);
        return entry;
    }
}

public sealed record IssuedApiKey(Guid Id, string Name, string Tier, string Prefix, string Key, string WebhookSecret, DateTimeOffset CreatedAt);

public sealed record ApiKeySummary(Guid Id, string Name, string Tier, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
