using System.Text.Json;
using System.Text.Json.Serialization;

namespace Observatory.Messaging.Audit;

/// <summary>One API request as the gateway saw it (CONTRACT §7).</summary>
public sealed record AuditEvent(
    DateTimeOffset OccurredAt, string? Principal, string Tier, string? KeyPrefix, string? ClientIp,
    string Method, string Path, int Status, string? ResourceId, string? TraceId);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(AuditEvent))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;

public static class AuditStreamNames
{
    public const string Stream = "observatory:audit";
    public const string ConsumerGroup = "audit-writers";

    internal static string Serialize(AuditEvent e) => JsonSerializer.Serialize(e, AuditJsonContext.Default.AuditEvent);

    internal static AuditEvent? Parse(string? json) => json is null ? null : JsonSerializer.Deserialize(json, AuditJsonContext.Default.AuditEvent);
}
