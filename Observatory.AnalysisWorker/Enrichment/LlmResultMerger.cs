using Observatory.Analysis;

namespace Observatory.AnalysisWorker.Enrichment;

/// <summary>Folds a validated reply into the engine's result. Deterministic: the same reply gives the same result.</summary>
internal static class LlmResultMerger
{
    public static AnalysisResult Merge(AnalysisResult engineResult, LlmReply reply, LlmUsage usage)
    {
        var insights = engineResult.Insights.ToList();
        var seen = new HashSet<string>(insights.Select(Key), StringComparer.OrdinalIgnoreCase);
        foreach (var insight in reply.Insights)
        {
            if (seen.Add(Key(insight))) insights.Add(insight);
        }

        var confidence = engineResult.Confidence;
        if (confidence is not null && reply.Certainty is { } certainty)
        {
            confidence = confidence with { Components = confidence.Components with { ModelCertainty = certainty } };
        }

        var security = engineResult.Security;
        if (security is not null && reply.Redactions > 0)
        {
            security = security with { PiiRedacted = security.PiiRedacted + reply.Redactions };
        }

        return engineResult with
        {
            Insights = insights,
            Confidence = confidence,
            Security = security,
            Engine = engineResult.Engine with { Llm = usage },
        };
    }

    /// <summary>Comparison key: trimmed, without trailing punctuation.</summary>
    private static string Key(string insight) => insight.Trim().TrimEnd('.', '!', '?', ';', ':', ' ');
}
