using Observatory.Contracts.Json;

namespace Observatory.Contracts.Batches;

/// <summary>GET /api/v1/analyze/batch/{id} (CONTRACT §4). <see cref="Items"/> is one page (offset/limit).</summary>
public sealed record BatchResource(
    Guid Id,
    string Status,
    string Priority,
    string? Title,
    int Total,
    BatchCounts Counts,
    double Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    int Offset,
    int Limit,
    IReadOnlyList<BatchItem> Items,
    RawJson? Aggregate,
    BatchLinks Links);

public sealed record BatchCounts(int Queued, int Running, int Completed, int Failed, int Cancelled)
{
    public int Terminal => Completed + Failed + Cancelled;
}

public sealed record BatchItem(string Ref, Guid AnalysisId, string Status);

public sealed record BatchLinks(string Self, string Cancel, string Results, string Events);

/// <summary>202 answer to a batch submission.</summary>
public sealed record BatchAccepted(Guid Id, string Status, int Total, BatchLinks Links);

/// <summary>Answer to cancel and priority changes: how many items the request touched.</summary>
public sealed record BatchChange(Guid Id, string Status, string Priority, int Affected);

/// <summary>Payload of a batch SSE <c>status</c> event.</summary>
public sealed record BatchStatusEvent(string Status, double Progress, BatchCounts Counts);
