using Observatory.Messaging;

namespace Observatory.AnalysisWorker.Jobs;

/// <summary>Stops a running job as soon as the API signals its cancellation. (Lease renewal is the fallback: a
/// worker that missed the signal finds the analysis no longer running at its next renewal.)</summary>
public sealed class CancellationRelay(AnalysisSignals signals, RunningJobs running) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        signals.OnCancelled(running.Cancel);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
