namespace Observatory.Data.Outbox;

/// <summary>A message that must reach the job stream. Written in the same transaction as the state change that
/// causes it; the relay publishes and deletes it, so a crash between commit and publish loses nothing.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public string Kind { get; set; } = OutboxKinds.AnalysisQueued;
    public Guid AnalysisId { get; set; }
    public string? TraceParent { get; set; }

    /// <summary>Stream to publish to: 0 high, 1 normal, 2 low (Observatory.Messaging.JobPriority).</summary>
    public short Priority { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; set; }
}

public static class OutboxKinds
{
    public const string AnalysisQueued = "analysis.queued";
}
