using Observatory.Analysis;

namespace Observatory.AnalysisWorker.Enrichment;

/// <summary>Used when <c>ConnectionStrings:llm</c> is unset: analyses run on the engine alone.</summary>
public sealed class NotConfiguredLlmEnricher : ILlmEnricher
{
    public const string Reason = "not configured";

    public bool IsConfigured => false;

    public string? Model => null;

    public Task<LlmEnrichment> EnrichAsync(Conversation conversation, AnalysisResult engineResult, CancellationToken cancellationToken) =>
        Task.FromException<LlmEnrichment>(new LlmUnavailableException(Reason));
}
