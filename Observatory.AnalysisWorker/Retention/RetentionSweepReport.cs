namespace Observatory.AnalysisWorker.Retention;

/// <summary>What one retention sweep did; stored as the <c>details</c> of its audit entry (kind <c>retention</c>).</summary>
public sealed record RetentionSweepReport(
    int ResultsDeleted,
    int AnalysesDeleted,
    int BatchesDeleted,
    int DeliveriesDeleted,
    int AuditDeleted,
    int DaysRolledUp,
    DateTimeOffset SweptAt,
    DateTimeOffset ResultsUnreadSince,
    DateTimeOffset MetadataCreatedBefore,
    DateTimeOffset AuditBefore);
