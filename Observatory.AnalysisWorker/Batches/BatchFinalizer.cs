using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Observatory.AnalysisWorker.Webhooks;
using Observatory.Data.Batches;

namespace Observatory.AnalysisWorker.Batches;

/// <summary>
/// Finalizes batches: right after one of their items ends here (the common case, so the aggregate appears as soon as
/// the last item finishes), and on a slow scan for batches whose last items ended elsewhere — cancelled by the API,
/// finished by a worker that died before finalizing.
/// </summary>
public sealed partial class BatchFinalizer(
    BatchCompletion completion, WebhookDispatchSignal webhooks, IOptions<BatchAggregationOptions> options, ILogger<BatchFinalizer> logger)
    : BackgroundService
{
    private const int ScanLimit = 100;
    private readonly Channel<Guid> _finishedItems = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>An item of this batch reached a terminal state; the batch may be done.</summary>
    public void ItemFinished(Guid batchId) => _finishedItems.Writer.TryWrite(batchId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextScan = DateTime.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            var pending = new HashSet<Guid>();
            try
            {
                if (DateTime.UtcNow >= nextScan)
                {
                    foreach (var id in await completion.FindFinishedAsync(ScanLimit, stoppingToken)) pending.Add(id);
                    nextScan = DateTime.UtcNow + options.Value.FinalizeScanInterval;
                }
                while (_finishedItems.Reader.TryRead(out var id)) pending.Add(id);
                foreach (var id in pending)
                {
                    var status = await completion.TryCompleteAsync(id, stoppingToken);
                    if (status is null) continue;
                    LogFinalized(logger, id, status);
                    webhooks.Notify(); // its batch.completed event, if it has a callback, is due now
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(nextScan - DateTime.UtcNow is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero);
                try { await _finishedItems.Reader.WaitToReadAsync(wait.Token); }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Transient (database restart, network): the scan picks the batches up again.
                LogFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId} finalized as {Status}")]
    private static partial void LogFinalized(ILogger logger, Guid batchId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Finalizing batches failed; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
