using Observatory.Analysis;

namespace Observatory.AnalysisWorker.Enrichment;

/// <summary>The optional language-model step that runs after the deterministic engine.</summary>
public interface ILlmEnricher
{
    /// <summary>False when <c>ConnectionStrings:llm</c> is unset: analyses then run on the engine alone.</summary>
    bool IsConfigured { get; }

    /// <summary>The configured model name; null when not configured.</summary>
    string? Model { get; }

    /// <summary>Asks the model for extra findings and merges them into <paramref name="engineResult"/>.</summary>
    /// <exception cref="LlmUnavailableException">Not configured, the server failed or timed out, or its reply was unusable.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the HTTP call is aborted.</exception>
    Task<LlmEnrichment> EnrichAsync(Conversation conversation, AnalysisResult engineResult, CancellationToken cancellationToken);
}

/// <summary>The engine's result with the model's findings merged in and <c>engine.llm</c> filled.</summary>
/// <param name="Result">The merged result.</param>
public sealed record LlmEnrichment(AnalysisResult Result)
{
    /// <summary>The model's one-sentence summary (validated and redacted), if it gave one. The result model has no
    /// field for it yet.</summary>
    public string? Summary { get; init; }

    /// <summary>The model's certainty (0..1), if it gave a valid one.</summary>
    public double? Certainty { get; init; }
}

/// <summary>The language model could not be used for this analysis. <see cref="Reason"/> is short and safe to store
/// in <c>engine.llm.reason</c> or an error message (it never contains conversation text).</summary>
public sealed class LlmUnavailableException : Exception
{
    public LlmUnavailableException(string reason, Exception? innerException = null)
        : base($"The language model is unavailable: {reason}", innerException)
    {
        Reason = reason;
    }

    public string Reason { get; }
}
