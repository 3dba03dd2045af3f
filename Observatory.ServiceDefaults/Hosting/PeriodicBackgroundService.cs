using Microsoft.Extensions.Hosting;

namespace Observatory.ServiceDefaults.Hosting;

/// <summary>Background work that runs once at start and then every <see cref="Interval"/> (sweeps, re-syncs). A run
/// that fails is reported through <see cref="OnRunFailed"/> and simply tried again at the next tick: every periodic
/// job here is safe to repeat.</summary>
public abstract class PeriodicBackgroundService : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>The clock the ticks follow; tests move it by hand.</summary>
    protected virtual TimeProvider Clock => TimeProvider.System;

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>Each service says in its own words what did not happen.</summary>
    protected abstract void OnRunFailed(Exception exception);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                OnRunFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
