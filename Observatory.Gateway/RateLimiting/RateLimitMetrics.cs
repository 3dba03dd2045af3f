using System.Diagnostics.Metrics;
using Observatory.ServiceDefaults;

namespace Observatory.Gateway.RateLimiting;

/// <summary>Meter <c>Observatory.Gateway</c>, counter <c>observatory.ratelimit.decisions</c> tagged
/// <c>outcome=allowed|limited</c> and <c>store=redis|local</c>: <c>store=local</c> counts the decisions taken while Redis was unreachable.</summary>
public sealed class RateLimitMetrics
{
    public const string MeterName = "Observatory.Gateway";
    public const string DecisionsCounterName = "observatory.ratelimit.decisions";

    private static readonly KeyValuePair<string, object?> AllowedTag = new("outcome", "allowed");
    private static readonly KeyValuePair<string, object?> LimitedTag = new("outcome", "limited");
    private static readonly KeyValuePair<string, object?> RedisTag = new("store", "redis");
    private static readonly KeyValuePair<string, object?> LocalTag = new("store", "local");

    private readonly Counter<long> _decisions;

    public RateLimitMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.CreateObservatoryMeter(MeterName);
        _decisions = meter.CreateCounter<long>(DecisionsCounterName, unit: "{decision}",
            description: "Rate-limit decisions, by outcome and by where they were counted (redis = shared by every replica, local = this replica only, Redis unreachable).");
    }

    public void Decided(bool allowed, RateLimitStore store) =>
        _decisions.Add(1, allowed ? AllowedTag : LimitedTag, store == RateLimitStore.Redis ? RedisTag : LocalTag);
}
