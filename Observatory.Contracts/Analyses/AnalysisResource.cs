using Observatory.Contracts.Json;

namespace Observatory.Contracts.Analyses;

/// <summary>GET /api/v1/analyze/{id} (CONTRACT §3).</summary>
public sealed record AnalysisResource(
    Guid Id,
    string Status,
    double Progress,
    string? Title,
    RawJson Metadata,
    Guid? BatchId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? ExpiresAt,
    RawJson? Result,
    AnalysisError? Error,
    AnalysisLinks Links);

public sealed record AnalysisError(string Code, string Message);

public sealed record AnalysisLinks(string Self, string Cancel, string Events);

/// <summary>202 answer to a submission.</summary>
public sealed record AnalysisAccepted(Guid Id, string Status, DateTimeOffset CreatedAt, AnalysisLinks Links);

/// <summary>One row of the list endpoint: the resource without its (possibly large) result.</summary>
public sealed record AnalysisSummary(
    Guid Id,
    string Status,
    double Progress,
    string? Title,
    RawJson Metadata,
    Guid? BatchId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    AnalysisError? Error,
    AnalysisLinks Links);

public sealed record AnalysisPage(IReadOnlyList<AnalysisSummary> Items, string? NextCursor);

public sealed record CancelAccepted(Guid Id, string Status);

/// <summary>Payload of an SSE <c>status</c> event.</summary>
public sealed record StatusEvent(string Status, double Progress);
