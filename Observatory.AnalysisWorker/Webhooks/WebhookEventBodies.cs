using Observatory.Contracts.Webhooks;
using Observatory.Data.Webhooks;

namespace Observatory.AnalysisWorker.Webhooks;

/// <summary>Builds an event's body at its first attempt: the envelope around the resource as it is now (terminal,
/// so it no longer changes in substance). The dispatcher stores it; retries send the stored bytes.</summary>
public sealed class WebhookEventBodies(IEnumerable<IWebhookResourceReader> readers)
{
    private readonly Dictionary<string, IWebhookResourceReader> _readers =
        readers.ToDictionary(r => r.ResourceKind, StringComparer.Ordinal);

    /// <summary>The body, or null with <paramref name="problem"/> set when it cannot be built (the resource is gone
    /// or no reader knows its kind): such an event can never be delivered.</summary>
    public async Task<(string? Body, string? Problem)> BuildAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        var kind = WebhookEventTypes.ResourceKindOf(delivery.Type);
        if (!_readers.TryGetValue(kind, out var reader)) return (null, $"No resource reader for '{kind}' events is registered.");
        var data = await reader.ReadJsonAsync(delivery.ResourceId, cancellationToken);
        if (data is null) return (null, $"The {kind} {delivery.ResourceId:D} no longer exists.");
        return (WebhookEnvelope.Write(delivery.EventId, delivery.Type, delivery.CreatedAt, data), null);
    }
}
