using Observatory.Data.Analyses;
using Observatory.Analysis;

namespace Observatory.ApiService.Analyses.Submission;

/// <summary>One conversation that passed validation: normalized and ready to store.</summary>
public sealed record ConversationSubmission(
    Conversation Conversation,
    string? Title,
    IReadOnlyDictionary<string, string> Metadata,
    AnalysisRequestOptions Options);
