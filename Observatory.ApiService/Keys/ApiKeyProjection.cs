using Microsoft.EntityFrameworkCore;
using Observatory.Data;
using Observatory.Identity;
using Observatory.Messaging;
using Observatory.ServiceDefaults.Hosting;
using StackExchange.Redis;

namespace Observatory.ApiService.Keys;

/// <summary>Keeps the Redis projection of active API keys (<see cref="KeyProjection"/>) in step with PostgreSQL:
/// written on create, removed and announced on revoke, and fully re-synced at start and every minute so a Redis
/// that lost its data is repaired without anyone noticing.</summary>
public sealed partial class ApiKeyProjection(RedisConnections redis, IServiceScopeFactory scopes, ILogger<ApiKeyProjection> logger)
    : PeriodicBackgroundService
{
    private static readonly TimeSpan ResyncInterval = TimeSpan.FromMinutes(1);

    public Task AddAsync(string keyHash, KeyProjection.Entry entry) =>
        redis.Commands.HashSetAsync(KeyProjection.HashKey, keyHash, KeyProjection.Serialize(entry));

    public async Task RemoveAsync(string keyHash)
    {
        await redis.Commands.HashDeleteAsync(KeyProjection.HashKey, keyHash);
        await redis.Multiplexer.GetSubscriber().PublishAsync(KeyProjection.RevokedChannel, keyHash);
    }

    protected override TimeSpan Interval => ResyncInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => ResyncAsync(cancellationToken);

    protected override void OnRunFailed(Exception exception) => LogResyncFailed(logger, exception.Message);

    public async Task ResyncAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ObservatoryDbContext>();
        var keys = await db.ApiKeys.AsNoTracking().Select(k => new { k.Id, k.Tier, k.Prefix, k.KeyHash, k.RevokedAt }).ToListAsync(cancellationToken);
        var active = keys.Where(k => k.RevokedAt is null)
            .Select(k => new HashEntry(k.KeyHash, KeyProjection.Serialize(new KeyProjection.Entry(k.Id, k.Tier, k.Prefix)))).ToArray();
        if (active.Length > 0) await redis.Commands.HashSetAsync(KeyProjection.HashKey, active);
        var revoked = keys.Where(k => k.RevokedAt is not null).Select(k => (RedisValue)k.KeyHash).ToArray();
        if (revoked.Length > 0) await redis.Commands.HashDeleteAsync(KeyProjection.HashKey, revoked);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not re-sync the API key projection in Redis: {Reason}")]
    private static partial void LogResyncFailed(ILogger logger, string reason);
}
