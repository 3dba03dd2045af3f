using System.Collections.Concurrent;

namespace Observatory.AnalysisWorker.Jobs;

/// <summary>Cancellation sources of the analyses running in this process, so a cancel notification from the API
/// reaches the right one within milliseconds.</summary>
public sealed class RunningJobs
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();

    public CancellationTokenSource Start(Guid analysisId, CancellationToken stopping)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _running[analysisId] = source;
        return source;
    }

    public void Finish(Guid analysisId) => _running.TryRemove(analysisId, out _);

    public void Cancel(Guid id)
    {
        if (_running.TryGetValue(id, out var source))
        {
            try { source.Cancel(); }
            catch (ObjectDisposedException) { /* finished in the meantime */ }
        }
    }

    public int Count => _running.Count;
}
