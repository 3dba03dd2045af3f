namespace Observatory.ApiService.Analyses.Submission;

// The request shapes below exist only to describe the body in the OpenAPI document: bodies are read by
// ConversationRequestReader, which reports each problem at its exact JSON path.

/// <summary>POST /api/v1/analyze — exactly one of messages, transcript or example.</summary>
public sealed record AnalyzeRequestDocument(
    IReadOnlyList<MessageDocument>? Messages,
    string? Transcript,
    string? Example,
    string? Title,
    IReadOnlyDictionary<string, string>? Metadata,
    AnalyzeOptionsDocument? Options);

/// <summary>One message; <c>content</c> may also be an array of <c>{type:"text", text}</c> parts.</summary>
public sealed record MessageDocument(string? Speaker, string? Role, string Content, DateTimeOffset? Timestamp);

/// <summary><c>patterns</c>: dialectic, sentiment, topics, dynamics, recursive (default all); <c>llm</c>: auto|off|required.</summary>
public sealed record AnalyzeOptionsDocument(IReadOnlyList<string>? Patterns, string? Llm, string? CallbackUrl);
