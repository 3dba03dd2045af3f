using Observatory.ApiService.Analyses.Submission;

namespace Observatory.ApiService.Batches;

// Describes the body in the OpenAPI document only: bodies are read by BatchRequestReader, which reports each
// problem at its exact JSON path.

/// <summary>POST /api/v1/analyze/batch — up to 1,000 conversations; <c>priority</c>: low|normal|high.</summary>
public sealed record BatchRequestDocument(
    IReadOnlyList<BatchConversationDocument> Conversations,
    AnalyzeOptionsDocument? Options,
    string? Priority,
    string? CallbackUrl,
    string? Title);

/// <summary>One conversation of a batch; <c>ref</c> (default: its index) identifies it in results and clusters.</summary>
public sealed record BatchConversationDocument(
    string? Ref,
    IReadOnlyList<MessageDocument>? Messages,
    string? Transcript,
    string? Example,
    string? Title,
    IReadOnlyDictionary<string, string>? Metadata);

/// <summary>POST /api/v1/analyze/batch/{id}/priority.</summary>
public sealed record BatchPriorityRequest(string? Priority);
