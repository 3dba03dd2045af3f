namespace Observatory.Data.ApiKeys;

/// <summary>An API key. Only its SHA-256 hash is stored (CONTRACT §6), plus the visible prefix that lets people and
/// the audit trail tell keys apart. The webhook secret must be usable to sign deliveries, so it is kept as issued.</summary>
public sealed class ApiKeyRecord
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Tier { get; set; } = "standard";
    public string Prefix { get; set; } = "";
    public string KeyHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
