namespace Observatory.ApiService.Identity;

/// <summary>Who is calling, as established by the gateway. <see cref="Principal"/> is null for public callers.</summary>
public sealed record CallerIdentity(string? Principal, string Tier, string? KeyPrefix, string? ClientIp)
{
    public static CallerIdentity Public(string? clientIp) => new(null, Tiers.Public, null, clientIp);

    public bool IsAuthenticated => Principal is not null;
    public bool IsAdmin => Tier == Tiers.Admin;

    /// <summary>Analyses created by public callers belong to nobody and are readable by anyone holding the id;
    /// everything else only by its owner (and admins).</summary>
    public bool CanSee(string? owner) => owner is null || IsAdmin || owner == Principal;

    /// <summary>Idempotency keys are scoped per principal; public callers are told apart by address.</summary>
    public string IdempotencyScope => Principal ?? $"public:{ClientIp}";
}

public static class Tiers
{
    public const string Public = "public";
    public const string Standard = "standard";
    public const string Partner = "partner";
    public const string Admin = "admin";
}
