using System.Diagnostics;
using Microsoft.Extensions.Options;
using Observatory.Messaging;
using Observatory.ServiceDefaults;

namespace Observatory.AnalysisWorker.Webhooks;

/// <summary>
/// Delivers webhook events from the webhook_deliveries outbox (CONTRACT §5). Claims due rows with SKIP LOCKED (so
/// worker replicas share them), at most <see cref="WebhookOptions.BatchSize"/> in flight; each claim pushes the row's
/// next attempt past the attempt's timeout, so a dispatcher that dies mid-attempt leaves the row due again and the
/// event is delivered at least once, always under the same <c>webhook-id</c>. A 2xx answer delivers it; anything
/// else (other statuses, redirects, no answer within the timeout, a refused address) is retried on the
/// <see cref="WebhookRetrySchedule"/>, and the delivery is dead after the last attempt.
/// </summary>
public sealed partial class WebhookDispatcher(
    WebhookDeliveryLedger ledger,
    WebhookEventBodies bodies,
    WebhookSender sender,
    WebhookDispatchSignal signal,
    AnalysisSignals analysisSignals,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    /// <summary>"Observatory.Webhooks": one activity per delivery attempt.</summary>
    public static readonly ActivitySource Source = ObservatoryTelemetry.CreateActivitySource("Webhooks");

    private readonly WebhookRetrySchedule _schedule = WebhookRetrySchedule.From(options.Value);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A cancellation made by the ApiService may have created an analysis.cancelled event in its transaction.
        analysisSignals.OnCancelled(_ => signal.Notify());
        var settings = options.Value;
        var inFlight = new List<Task>();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            inFlight.RemoveAll(t => t.IsCompleted);
            var wake = signal.Next; // before looking: an event created meanwhile still wakes us
            var free = settings.BatchSize - inFlight.Count;
            if (free > 0)
            {
                try
                {
                    var claimed = await ledger.ClaimDueAsync(free, settings.ClaimDuration, stoppingToken);
                    foreach (var delivery in claimed) inFlight.Add(DeliverAsync(delivery));
                    failures = 0;
                    if (claimed.Count == free) continue; // more may be due
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e)
                {
                    failures++;
                    var backoff = TimeSpan.FromMilliseconds(Math.Min(200 * Math.Pow(2, failures - 1), 10_000));
                    LogClaimFailed(logger, failures, backoff.TotalMilliseconds, e.Message);
                    await WaitAsync(Task.Delay(backoff, clock, stoppingToken), [], settings.PollInterval, stoppingToken);
                    continue;
                }
            }
            await WaitAsync(wake, inFlight, settings.PollInterval, stoppingToken);
        }
        // Attempts in flight end within the timeout; let them record their outcome rather than wait for a lapsed claim.
        await Task.WhenAll(inFlight);
    }

    private async Task WaitAsync(Task wake, List<Task> inFlight, TimeSpan pollInterval, CancellationToken stoppingToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var poll = Task.Delay(pollInterval, clock, stop.Token);
        await Task.WhenAny([wake, poll, .. inFlight]);
        await stop.CancelAsync();
    }

    /// <summary>One attempt, start to recorded outcome. Never throws. An unexpected error counts as a failed attempt
    /// (so an event that always breaks something still ends dead); if even that cannot be recorded, the claim lapses
    /// and the row becomes due again.</summary>
    private async Task DeliverAsync(ClaimedDelivery delivery)
    {
        await Task.Yield(); // let the dispatch loop go on claiming while this attempt runs
        using var activity = Source.StartActivity("webhook deliver");
        activity?.SetTag("webhook.event_id", delivery.EventId);
        activity?.SetTag("webhook.event_type", delivery.Type);
        activity?.SetTag("webhook.attempt", delivery.Attempt);
        try
        {
            var body = delivery.Body;
            if (body.Length == 0)
            {
                var (built, problem) = await bodies.BuildAsync(delivery, CancellationToken.None);
                if (built is null)
                {
                    // Nothing to send, now or later.
                    await ledger.RecordFailedAsync(delivery.Id, delivery.Attempt, null, problem!, null, CancellationToken.None);
                    Finish(activity, "dead", problem);
                    LogDead(logger, delivery.EventId, delivery.Attempt, problem!);
                    return;
                }
                body = await ledger.FixBodyAsync(delivery.Id, delivery.Attempt, built, options.Value.ClaimDuration, CancellationToken.None);
            }

            var outcome = delivery.Secret is null
                ? AttemptOutcome.Failed("The principal has no webhook secret; create one with POST /api/v1/account/webhook-secret.")
                : await sender.SendAsync(delivery, body, delivery.Secret);
            if (outcome.StatusCode is { } code) activity?.SetTag("http.response.status_code", code);

            if (outcome.Delivered)
            {
                await ledger.RecordDeliveredAsync(delivery.Id, outcome.StatusCode!.Value, CancellationToken.None);
                Finish(activity, "delivered", null);
                LogDelivered(logger, delivery.EventId, delivery.Type, delivery.Attempt, outcome.StatusCode.Value);
                return;
            }
            await RecordFailureAsync(delivery, outcome, activity);
        }
        catch (Exception e)
        {
            LogAttemptBroke(logger, delivery.EventId, delivery.Attempt, e);
            try
            {
                await RecordFailureAsync(delivery, AttemptOutcome.Failed($"Internal error: {e.Message}"), activity);
            }
            catch (Exception)
            {
                Finish(activity, "error", e.Message); // the claim lapses and the row is due again
            }
        }
    }

    private async Task RecordFailureAsync(ClaimedDelivery delivery, AttemptOutcome outcome, Activity? activity)
    {
        var wait = _schedule.DelayAfter(delivery.Attempt);
        await ledger.RecordFailedAsync(delivery.Id, delivery.Attempt, outcome.StatusCode, outcome.Error!,
            wait is null ? null : clock.GetUtcNow() + wait.Value, CancellationToken.None);
        if (wait is null)
        {
            Finish(activity, "dead", outcome.Error);
            LogDead(logger, delivery.EventId, delivery.Attempt, outcome.Error!);
        }
        else
        {
            Finish(activity, "retrying", outcome.Error);
            LogRetrying(logger, delivery.EventId, delivery.Attempt, wait.Value.TotalSeconds, outcome.Error!);
        }
    }

    private static void Finish(Activity? activity, string outcome, string? error)
    {
        if (activity is null) return;
        activity.SetTag("webhook.outcome", outcome);
        if (outcome != "delivered") activity.SetStatus(ActivityStatusCode.Error, error);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {EventId} ({Type}) delivered at attempt {Attempt} with HTTP {StatusCode}")]
    private static partial void LogDelivered(ILogger logger, string eventId, string type, int attempt, int statusCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {EventId} attempt {Attempt} failed; retrying in {DelaySeconds:F1} s: {Reason}")]
    private static partial void LogRetrying(ILogger logger, string eventId, int attempt, double delaySeconds, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {EventId} is dead after attempt {Attempt}: {Reason}")]
    private static partial void LogDead(ILogger logger, string eventId, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {EventId} attempt {Attempt} broke off with an unexpected error")]
    private static partial void LogAttemptBroke(ILogger logger, string eventId, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not claim webhook deliveries ({Failures} in a row); retrying in {DelayMs:F0} ms: {Reason}")]
    private static partial void LogClaimFailed(ILogger logger, int failures, double delayMs, string reason);
}
