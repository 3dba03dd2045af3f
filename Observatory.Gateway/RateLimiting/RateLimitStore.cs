namespace Observatory.Gateway.RateLimiting;

/// <summary>Where a decision was counted: shared by every replica (Redis), or only in this process while Redis is unreachable.</summary>
public enum RateLimitStore
{
    Redis,
    Local,
}
