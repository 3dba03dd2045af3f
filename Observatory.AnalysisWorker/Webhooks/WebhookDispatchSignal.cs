namespace Observatory.AnalysisWorker.Webhooks;

/// <summary>Wakes the dispatcher as soon as an event is created, so delivery does not wait for the next poll.
/// Take <see cref="Next"/> before looking for work: a notification that arrives while looking still wakes.</summary>
public sealed class WebhookDispatchSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Notify"/>.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
