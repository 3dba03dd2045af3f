namespace Observatory.AnalysisWorker.Webhooks;

/// <summary>A webhook_deliveries row this dispatcher has claimed for one attempt. <see cref="Attempt"/> counts this
/// one (1 = first). <see cref="Body"/> is empty until the first attempt builds it. <see cref="Secret"/> is the
/// principal's current webhook secret, null when it has none.</summary>
public sealed record ClaimedDelivery(
    long Id,
    string EventId,
    string Principal,
    string Type,
    Guid ResourceId,
    string Url,
    string Body,
    int Attempt,
    DateTimeOffset CreatedAt,
    string? Secret);
