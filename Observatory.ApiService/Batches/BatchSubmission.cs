using Observatory.ApiService.Analyses.Submission;
using Observatory.Data.Analyses;

namespace Observatory.ApiService.Batches;

/// <summary>A batch that passed validation: every conversation normalized, with its caller reference.</summary>
public sealed record BatchSubmission(
    IReadOnlyList<BatchSubmissionItem> Items,
    AnalysisRequestOptions Options,
    short Priority,
    Uri? CallbackUrl,
    string? Title);

public sealed record BatchSubmissionItem(string Ref, ConversationSubmission Conversation);
