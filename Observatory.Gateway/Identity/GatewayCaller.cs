namespace Observatory.Gateway.Identity;

/// <summary>Who is calling, as the gateway established it. Set on <c>HttpContext.Features</c> by the identity step
/// before rate limiting and forwarding.</summary>
/// <param name="Tier">public, standard, partner or admin.</param>
/// <param name="Principal">Stable principal id (<c>key:&lt;id&gt;</c>, <c>jwt:&lt;sub&gt;</c>, <c>admin</c>); null for public callers.</param>
/// <param name="RateLimitKey">What the tier's limits are counted against: the client IP for public callers, the API key id,
/// or the JWT subject (CONTRACT §6 "keyed by").</param>
/// <param name="KeyPrefix">The visible prefix of the API key used, for the audit trail.</param>
/// <param name="ClientIp">The client address (X-Forwarded-For honoured only from trusted proxies).</param>
public sealed record GatewayCaller(string Tier, string? Principal, string RateLimitKey, string? KeyPrefix, string ClientIp)
{
    public static GatewayCaller Public(string clientIp) => new(CallerTiers.Public, null, $"ip:{clientIp}", null, clientIp);

    public bool IsAdmin => Tier == CallerTiers.Admin;
}

public static class CallerTiers
{
    public const string Public = "public";
    public const string Standard = "standard";
    public const string Partner = "partner";
    public const string Admin = "admin";
}
