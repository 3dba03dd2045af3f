using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Observatory.Gateway.RateLimiting;

/// <summary>Degraded while Redis is unreachable and each replica limits on its own (the limits still hold, per replica).
/// Each check also gives Redis a due retry, so the gateway returns to shared limits even without traffic.</summary>
public sealed class RateLimiterHealthCheck(TierRateLimiter limiter) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (limiter.IsDegraded) await limiter.TryRecoverAsync(cancellationToken);
        return limiter.IsDegraded
            ? HealthCheckResult.Degraded("Redis is unreachable: rate limits are enforced by each gateway replica on its own.")
            : HealthCheckResult.Healthy("Rate limits are shared by every gateway replica through Redis.");
    }
}
