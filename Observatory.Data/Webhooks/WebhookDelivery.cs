namespace Observatory.Data.Webhooks;

/// <summary>
/// One webhook event and its delivery state (CONTRACT §5). Rows are written in the same transaction as the change
/// they announce (an outbox), so a crash can delay an event but never lose it; the body is fixed at that moment and
/// every retry sends the same bytes under the same <see cref="EventId"/>.
/// </summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }

    /// <summary><c>evt_…</c>: the <c>id</c> in the body and the <c>webhook-id</c> header.</summary>
    public string EventId { get; set; } = "";

    /// <summary>Whose secret signs it and whose delivery log lists it.</summary>
    public string Principal { get; set; } = "";

    /// <summary>analysis.completed | analysis.failed | analysis.cancelled | batch.completed.</summary>
    public string Type { get; set; } = "";

    /// <summary>The analysis or batch the event is about; (resource, type) is unique so an event is created once.</summary>
    public Guid ResourceId { get; set; }

    public string Url { get; set; } = "";

    /// <summary>The exact JSON body sent on every attempt.</summary>
    public string Body { get; set; } = "";

    public string Status { get; set; } = WebhookDeliveryStatus.Pending;
    public int Attempts { get; set; }

    /// <summary>When the next attempt is due. A dispatcher claims a row by pushing this past its own timeout, so a
    /// dispatcher that dies mid-attempt leaves the row due again rather than lost.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}
