using Observatory.Messaging;

namespace Observatory.ApiService.Analyses;

/// <summary>Lets a request wait for an analysis to change (for <c>?wait=N</c> and <c>/events</c>) without polling
/// the database in a tight loop: a signal from the worker wakes it, a short timer covers any missed signal.</summary>
public sealed class AnalysisChangeFeed(AnalysisSignals signals)
{
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(1);

    public Task WaitForChangeAsync(Guid id, TimeSpan timeout, CancellationToken cancellationToken) =>
        signals.WaitForChangeAsync(id, timeout < RecheckInterval ? timeout : RecheckInterval, cancellationToken);
}
