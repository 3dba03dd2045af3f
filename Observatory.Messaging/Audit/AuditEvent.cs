namespace Observatory.Messaging.Audit;

/// <summary>One API request as the gateway saw it (CONTRACT §7).</summary>
public sealed record AuditEvent(
    DateTimeOffset OccurredAt, string? Principal, string Tier, string? KeyPrefix, string? ClientIp,
    string Method, string Path, int Status, string? ResourceId, string? TraceId);
