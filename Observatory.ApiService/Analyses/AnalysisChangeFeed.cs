using Observatory.Data.Notifications;

namespace Observatory.ApiService.Analyses;

/// <summary>Lets a request wait for an analysis to change (for <c>?wait=N</c> and <c>/events</c>) without polling
/// the database in a tight loop: PostgreSQL NOTIFY wakes it, a short timer covers any missed notification.</summary>
public sealed class AnalysisChangeFeed(PostgresNotificationListener listener)
{
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(1);

    public Task WaitForChangeAsync(Guid id, TimeSpan timeout, CancellationToken cancellationToken) =>
        listener.WaitAsync(id.ToString("D"), timeout < RecheckInterval ? timeout : RecheckInterval, cancellationToken);
}
