namespace Observatory.Data.Audit;

/// <summary>One audited event (CONTRACT §7): an API request seen by the gateway, an admin action, or a retention
/// sweep. Kept 365 days.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary><c>request</c>, <c>admin</c> or <c>retention</c>.</summary>
    public string Kind { get; set; } = "request";
    public string? Principal { get; set; }
    public string? Tier { get; set; }
    public string? KeyPrefix { get; set; }
    public string? ClientIp { get; set; }
    public string? Method { get; set; }
    public string? Path { get; set; }
    public int? Status { get; set; }
    public string? ResourceId { get; set; }
    public string? TraceId { get; set; }

    /// <summary>Anything else worth keeping (e.g. counts deleted by a sweep), as a JSON object.</summary>
    public string? DetailsJson { get; set; }
}
