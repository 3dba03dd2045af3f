namespace Observatory.Messaging;

/// <summary>What travels on the job stream: only the id (the conversation stays in PostgreSQL) and the W3C
/// trace context, so one analysis is one trace from the gateway to the worker.</summary>
public sealed record JobEnvelope(Guid AnalysisId, string? TraceParent, JobPriority Priority = JobPriority.Normal);

/// <summary>A job handed to one consumer. <see cref="DeliveryCount"/> counts every hand-out, including reclaims
/// from consumers that died.</summary>
public sealed record JobDelivery(string EntryId, JobEnvelope Job, long DeliveryCount);
