namespace Observatory.Data.Webhooks;

/// <summary>The event types of CONTRACT §5, as stored in <c>webhook_deliveries.type</c> and sent in the body.</summary>
public static class WebhookEventTypes
{
    public const string AnalysisCompleted = "analysis.completed";
    public const string AnalysisFailed = "analysis.failed";
    public const string AnalysisCancelled = "analysis.cancelled";
    public const string BatchCompleted = "batch.completed";

    /// <summary>The resource kind an event is about: the part before the dot (<c>analysis</c>, <c>batch</c>).</summary>
    public static string ResourceKindOf(string type)
    {
        var dot = type.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? type : type[..dot];
    }
}
