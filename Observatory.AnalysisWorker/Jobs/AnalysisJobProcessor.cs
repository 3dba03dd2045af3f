using Observatory.Analysis.Aggregation;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using Observatory.Analysis;
using Observatory.AnalysisWorker.Batches;
using Observatory.AnalysisWorker.Enrichment;
using Observatory.Data.Analyses;
using Observatory.Messaging;
using StackExchange.Redis;

namespace Observatory.AnalysisWorker.Jobs;

/// <summary>Runs one delivered job: claim it in PostgreSQL, analyse, store the result and drop the payload in
/// one transaction, then acknowledge the stream entry. Acknowledging last means a crash at any point leaves the
/// entry pending, to be reclaimed and finished by another worker.</summary>
public sealed partial class AnalysisJobProcessor(
    AnalysisLedger ledger,
    RedisJobStream jobs,
    ConversationAnalyzer analyzer,
    ILlmEnricher llm,
    RunningJobs running,
    BatchFinalizer batches,
    WorkerMetrics metrics,
    IOptions<WorkerOptions> workerOptions,
    IOptions<JobStreamOptions> streamOptions,
    ILogger<AnalysisJobProcessor> logger)
{
    public static readonly ActivitySource Source = new("Observatory.AnalysisWorker");

    public async Task ProcessAsync(JobDelivery delivery, string worker, CancellationToken stopping)
    {
        var id = delivery.Job.AnalysisId;
        using var activity = StartActivity(delivery);
        if (id == Guid.Empty)
        {
            await jobs.DeadLetterAsync(delivery, "unreadable entry");
            return;
        }

        if (delivery.DeliveryCount > streamOptions.Value.MaxDeliveries)
        {
            LogPoison(logger, id, delivery.DeliveryCount);
            await RetryTransientAsync(ct => ledger.FailUnclaimedAsync(id, "poison",
                $"The job was delivered {delivery.DeliveryCount} times without finishing and was set aside.", ct), stopping);
            await jobs.DeadLetterAsync(delivery, "too many deliveries");
            metrics.Finished(AnalysisStatus.Failed);
            return;
        }

        var lease = workerOptions.Value.LeaseDuration;
        var claimed = await RetryTransientAsync(ct => ledger.TryClaimAsync(id, (short)delivery.Job.Priority, worker, lease, ct), stopping);
        if (claimed is null)
        {
            // Already finished, cancelled, or being run by a live worker: this delivery is a duplicate.
            await jobs.AcknowledgeAsync(delivery);
            return;
        }

        using var cancellation = running.Start(id, stopping);
        using var leaseRenewal = RenewLeaseUntilDone(id, worker, lease, cancellation);
        try
        {
            await RunAsync(claimed, worker, cancellation.Token);
            await jobs.AcknowledgeAsync(delivery);
            if (claimed.BatchId is { } batchId) batches.ItemFinished(batchId);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: hand the job back so another worker starts it now rather than after the lease.
            await ledger.ReleaseAsync(id, worker, CancellationToken.None);
            await jobs.AcknowledgeAsync(delivery);
            LogReleased(logger, id);
        }
        catch (OperationCanceledException)
        {
            // Cancelled by the API (which already stored the state and dropped the payload).
            await jobs.AcknowledgeAsync(delivery);
            if (claimed.BatchId is { } batchId) batches.ItemFinished(batchId);
            metrics.Finished(AnalysisStatus.Cancelled);
            LogCancelled(logger, id);
        }
        finally
        {
            running.Finish(id);
            await leaseRenewal.CancelAsync();
        }
    }

    private async Task RunAsync(ClaimedAnalysis claimed, string worker, CancellationToken cancellationToken)
    {
        if (claimed.Conversation is null)
        {
            await ledger.FailAsync(claimed.Id, worker, "payload_missing", "The conversation text was not found; submit it again.", cancellationToken);
            metrics.Finished(AnalysisStatus.Failed);
            return;
        }
        if (claimed.Options.Llm == LlmModes.Required && !llm.IsConfigured)
        {
            // The caller asked not to fall back to the engine alone, and no model is configured.
            await ledger.FailAsync(claimed.Id, worker, "llm_unavailable",
                "options.llm is \"required\" but no language model is configured (ConnectionStrings__llm).", cancellationToken);
            metrics.Finished(AnalysisStatus.Failed);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        AnalysisResult result;
        try
        {
            var patterns = new HashSet<PatternFamily>(claimed.Options.Patterns);
            result = await Task.Run(() => analyzer.Analyze(claimed.Conversation, patterns, cancellationToken), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogEngineFailed(logger, claimed.Id, e);
            await ledger.FailAsync(claimed.Id, worker, "analysis_error", "The engine could not analyse this conversation.", cancellationToken);
            metrics.Finished(AnalysisStatus.Failed);
            return;
        }
        var engineTime = Stopwatch.GetElapsedTime(started);

        var enriched = await EnrichAsync(claimed, worker, result, cancellationToken);
        if (enriched is null) return;
        result = enriched;
        var elapsed = Stopwatch.GetElapsedTime(started);

        result = result with
        {
            Timings = new AnalysisTimings
            {
                QueueMs = (long)Math.Max(0, (claimed.StartedAt - claimed.CreatedAt).TotalMilliseconds),
                AnalysisMs = (long)elapsed.TotalMilliseconds,
            },
        };
        var json = AnalysisResultJson.Serialize(result);
        var digest = ConversationDigest.Of(result).ToJson();
        if (await RetryTransientAsync(ct => ledger.CompleteAsync(claimed.Id, worker, json, digest, ct), cancellationToken))
        {
            metrics.Finished(AnalysisStatus.Completed, engineTime);
            LogCompleted(logger, claimed.Id, elapsed.TotalMilliseconds);
        }
    }

    /// <summary>The optional model step. <c>off</c> skips it; <c>auto</c> keeps the engine's result when the model is
    /// missing or fails; <c>required</c> fails the analysis instead. Null means the analysis was failed here.</summary>
    private async Task<AnalysisResult?> EnrichAsync(ClaimedAnalysis claimed, string worker, AnalysisResult result, CancellationToken cancellationToken)
    {
        static AnalysisResult WithReason(AnalysisResult r, string reason) =>
            r with { Engine = r.Engine with { Llm = r.Engine.Llm with { Used = false, Reason = reason } } };

        if (claimed.Options.Llm == LlmModes.Off) return WithReason(result, "disabled by request");
        if (!llm.IsConfigured) return WithReason(result, "not configured");

        await ledger.ReportProgressAsync(claimed.Id, worker, 0.5, cancellationToken);
        try
        {
            return (await llm.EnrichAsync(claimed.Conversation!, result, cancellationToken)).Result;
        }
        catch (LlmUnavailableException e) when (claimed.Options.Llm == LlmModes.Auto)
        {
            LogLlmFallback(logger, claimed.Id, e.Reason);
            return WithReason(result with { Engine = result.Engine with { Llm = result.Engine.Llm with { Model = llm.Model } } }, e.Reason);
        }
        catch (LlmUnavailableException e)
        {
            await ledger.FailAsync(claimed.Id, worker, "llm_unavailable", $"options.llm is \"required\" but the language model failed: {e.Reason}.", cancellationToken);
            metrics.Finished(AnalysisStatus.Failed);
            return null;
        }
    }

    private CancellationTokenSource RenewLeaseUntilDone(Guid id, string worker, TimeSpan lease, CancellationTokenSource job)
    {
        var stop = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(lease / 3);
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    if (!await ledger.RenewLeaseAsync(id, worker, lease, stop.Token))
                    {
                        // Cancelled or taken over: stop working on it.
                        await job.CancelAsync();
                        return;
                    }
                }
            }
            catch (OperationCanceledException) { }
            catch (ObjectDisposedException) { }
            catch (Exception e) { LogLeaseRenewalFailed(logger, id, e.Message); }
        });
        return stop;
    }

    /// <summary>Database and Redis hiccups are retried with exponential backoff and jitter; anything else, or a
    /// failure that outlasts the retries, leaves the stream entry pending for a later delivery.</summary>
    private async Task<T> RetryTransientAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await operation(cancellationToken);
            }
            catch (Exception e) when (attempt < 5 && IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                var delay = TimeSpan.FromMilliseconds(100 * Math.Pow(2, attempt - 1) * (0.8 + Random.Shared.NextDouble() * 0.4));
                LogTransient(logger, attempt, delay.TotalMilliseconds, e.Message);
                await Task.Delay(delay, cancellationToken);
            }
        }
    }

    private static bool IsTransient(Exception e) =>
        e is NpgsqlException { IsTransient: true } or RedisException or TimeoutException or System.Net.Sockets.SocketException;

    private static Activity? StartActivity(JobDelivery delivery)
    {
        ActivityContext.TryParse(delivery.Job.TraceParent, null, out var parent);
        var activity = Source.StartActivity("analysis process", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.system", "redis");
        activity?.SetTag("messaging.message.id", delivery.EntryId);
        activity?.SetTag("observatory.analysis.id", delivery.Job.AnalysisId.ToString("D"));
        activity?.SetTag("observatory.delivery_count", delivery.DeliveryCount);
        return activity;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analysis {AnalysisId} continues without the language model: {Reason}")]
    private static partial void LogLlmFallback(ILogger logger, Guid analysisId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysis {AnalysisId} completed in {ElapsedMs:F1} ms")]
    private static partial void LogCompleted(ILogger logger, Guid analysisId, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysis {AnalysisId} was cancelled while running")]
    private static partial void LogCancelled(ILogger logger, Guid analysisId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysis {AnalysisId} released for another worker (shutting down)")]
    private static partial void LogReleased(ILogger logger, Guid analysisId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Analysis {AnalysisId} was delivered {Deliveries} times; failing it as poison")]
    private static partial void LogPoison(ILogger logger, Guid analysisId, long deliveries);

    [LoggerMessage(Level = LogLevel.Error, Message = "The engine failed on analysis {AnalysisId}")]
    private static partial void LogEngineFailed(ILogger logger, Guid analysisId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transient failure (attempt {Attempt}); retrying in {DelayMs:F0} ms: {Reason}")]
    private static partial void LogTransient(ILogger logger, int attempt, double delayMs, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the lease on {AnalysisId}: {Reason}")]
    private static partial void LogLeaseRenewalFailed(ILogger logger, Guid analysisId, string reason);
}
