using Microsoft.Extensions.Options;
using Observatory.Messaging;
using StackExchange.Redis;

namespace Observatory.AnalysisWorker.Jobs;

/// <summary>Reads the job streams as one consumer of the shared group and runs up to
/// <see cref="WorkerOptions.Concurrency"/> jobs at once. Periodically reclaims entries that dead consumers left
/// pending. On shutdown it stops reading and lets in-flight jobs finish or hand themselves back.</summary>
public sealed partial class AnalysisJobConsumer(
    RedisJobStream jobs, AnalysisJobProcessor processor, IOptions<WorkerOptions> options, ILogger<AnalysisJobConsumer> logger)
    : BackgroundService
{
    public string ConsumerName { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var concurrency = options.Value.Concurrency;
        using var slots = new SemaphoreSlim(concurrency, concurrency);
        var inFlight = new List<Task>();
        var nextClaim = DateTime.UtcNow;
        var failures = 0;
        await EnsureGroupAsync(stoppingToken);
        LogStarted(logger, ConsumerName, concurrency);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(stoppingToken);
                slots.Release();
                var free = slots.CurrentCount;

                IReadOnlyList<JobDelivery> deliveries = [];
                if (DateTime.UtcNow >= nextClaim)
                {
                    nextClaim = DateTime.UtcNow + options.Value.ClaimInterval;
                    deliveries = await jobs.ClaimAbandonedAsync(ConsumerName, free);
                    if (deliveries.Count > 0) LogReclaimed(logger, deliveries.Count);
                }
                if (deliveries.Count == 0) deliveries = await jobs.ReadNewAsync(ConsumerName, free, options.Value.ReadBlock);
                failures = 0;

                for (var i = 0; i < deliveries.Count; i++)
                {
                    if (!await TryTakeSlotAsync(slots, stoppingToken))
                    {
                        // A read that was still outstanding when shutdown began can return jobs nobody here will
                        // start: give them back now instead of leaving them pending until the claim idle time.
                        await HandBackAsync(deliveries.Skip(i));
                        break;
                    }
                    inFlight.RemoveAll(t => t.IsCompleted);
                    inFlight.Add(RunAsync(deliveries[i], slots, stoppingToken));
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (RedisServerException e) when (e.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
            {
                // Redis lost the stream (restart without data, FLUSHALL): recreate it; PostgreSQL re-publishes the jobs.
                LogGroupMissing(logger);
                await EnsureGroupAsync(stoppingToken);
            }
            catch (Exception e)
            {
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(200 * Math.Pow(2, failures - 1), 5000));
                LogReadFailed(logger, delay.TotalMilliseconds, e.Message);
                try { await Task.Delay(delay, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }

        LogDraining(logger, inFlight.Count(t => !t.IsCompleted));
        await Task.WhenAll(inFlight);
    }

    private static async Task<bool> TryTakeSlotAsync(SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        if (stoppingToken.IsCancellationRequested) return false;
        try
        {
            await slots.WaitAsync(stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task HandBackAsync(IEnumerable<JobDelivery> deliveries)
    {
        foreach (var delivery in deliveries)
        {
            try
            {
                await jobs.HandBackAsync(delivery);
                LogHandedBack(logger, delivery.Job.AnalysisId);
            }
            catch (Exception e)
            {
                // Still pending under this consumer: another worker reclaims it after the claim idle time.
                LogJobFailed(logger, delivery.Job.AnalysisId, e.Message);
            }
        }
    }

    private async Task RunAsync(JobDelivery delivery, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await processor.ProcessAsync(delivery, ConsumerName, stoppingToken);
        }
        catch (Exception e)
        {
            // Not acknowledged: the entry stays pending and is reclaimed (and counted toward poison) later.
            LogJobFailed(logger, delivery.Job.AnalysisId, e.Message);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task EnsureGroupAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await jobs.EnsureConsumerGroupAsync();
                return;
            }
            catch (Exception e)
            {
                LogReadFailed(logger, 1000, e.Message);
                try { await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consumer {Consumer} reading jobs, {Concurrency} at a time")]
    private static partial void LogStarted(ILogger logger, string consumer, int concurrency);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reclaimed {Count} job(s) abandoned by other consumers")]
    private static partial void LogReclaimed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The consumer group is missing; recreating it")]
    private static partial void LogGroupMissing(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the job stream failed; retrying in {DelayMs:F0} ms: {Reason}")]
    private static partial void LogReadFailed(ILogger logger, double delayMs, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job for analysis {AnalysisId} failed and stays pending: {Reason}")]
    private static partial void LogJobFailed(ILogger logger, Guid analysisId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handed job for analysis {AnalysisId} back to the stream (shutting down)")]
    private static partial void LogHandedBack(ILogger logger, Guid analysisId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: waiting for {Count} job(s) in flight")]
    private static partial void LogDraining(ILogger logger, int count);
}
