namespace Observatory.AnalysisWorker.Webhooks;

/// <summary>Reads the resource an event is about, as JSON text exactly as the API's GET of it returns it, for the
/// event's <c>data</c>. One per resource kind (the part of the event type before the dot: <c>analysis</c>,
/// <c>batch</c>); register more with <c>services.AddSingleton&lt;IWebhookResourceReader, …&gt;()</c>.</summary>
public interface IWebhookResourceReader
{
    /// <summary><c>analysis</c> for analysis.* events, <c>batch</c> for batch.* events.</summary>
    string ResourceKind { get; }

    /// <summary>The resource JSON, or null when the resource no longer exists.</summary>
    Task<string?> ReadJsonAsync(Guid resourceId, CancellationToken cancellationToken);
}
