using System.Text.Json;

namespace Observatory.Identity;

/// <summary>The ApiService keeps a projection of active API keys in Redis so every gateway replica can validate a
/// key without a database round trip: one hash field per key (field = SHA-256 of the key, value = this entry).
/// Revocation removes the field and is announced on <see cref="RevokedChannel"/> so caches drop it at once.</summary>
public static class KeyProjection
{
    public const string HashKey = "observatory:apikeys";
    public const string RevokedChannel = "observatory:apikeys:revoked";

    public sealed record Entry(Guid Id, string Tier, string Prefix);

    public static string Serialize(Entry entry) => JsonSerializer.Serialize(entry, JsonSerializerOptions.Web);

    public static Entry? Parse(string? json) => json is null ? null : JsonSerializer.Deserialize<Entry>(json, JsonSerializerOptions.Web);

    public static string PrincipalOf(Guid keyId) => $"key:{keyId:D}";
}
