namespace Observatory.AnalysisWorker.Webhooks;

/// <summary>Bound from <c>Observatory:Webhooks</c> (CONTRACT §5); checked at start-up by <see cref="WebhookOptionsValidator"/>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Observatory:Webhooks";

    /// <summary>Waits between attempts after the first one fails, comma-separated TimeSpans (<c>00:00:05</c>) or
    /// short forms (<c>5s</c>, <c>2m</c>, <c>1h</c>, <c>200ms</c>); each gets ±20 % jitter. After the last the
    /// delivery is dead. One environment variable, <c>Observatory__Webhooks__RetryDelays</c>, holds the whole list.</summary>
    public string RetryDelays { get; set; } = "5s,30s,2m,10m,30m,1h";

    /// <summary>Send to loopback, private, link-local and other non-public addresses, and over plain http.
    /// Defaults to true in the Development environment only (<c>./observatory up</c> runs Development).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>How long an attempt may take, connecting included, before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How far a dispatcher pushes a row's <c>next_attempt_at</c> when it claims it. A dispatcher that dies
    /// mid-attempt leaves the row due again after this long, so the event is still delivered (at least once).
    /// Must exceed <see cref="Timeout"/>.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often to look for due deliveries when nothing wakes the dispatcher sooner (new events created
    /// in this process, and cancellations made by the ApiService, wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Deliveries this process has in flight at most (and claims at once).</summary>
    public int BatchSize { get; set; } = 32;
}
