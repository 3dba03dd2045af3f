namespace Observatory.ApiService.Webhooks;

/// <summary>One row of GET /api/v1/webhooks/deliveries (CONTRACT §5).</summary>
public sealed record WebhookDeliveryEntry(
    string EventId,
    string Type,
    Guid ResourceId,
    string Url,
    int Attempts,
    string Status,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt);

public sealed record WebhookDeliveryPage(IReadOnlyList<WebhookDeliveryEntry> Items);
