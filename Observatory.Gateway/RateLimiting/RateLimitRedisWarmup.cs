namespace Observatory.Gateway.RateLimiting;

/// <summary>Connects the limiter to Redis while the gateway starts, so the first requests do not wait for the connection
/// (start-up itself never waits for it: a gateway starts, and limits locally, while Redis is down).</summary>
public sealed class RateLimitRedisWarmup(RedisWindowStore redis) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        redis.StartConnecting();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
