using System.Diagnostics.Metrics;

namespace Observatory.AnalysisWorker.Jobs;

/// <summary>Meter <c>Observatory.AnalysisWorker</c>: analyses finished by outcome and engine time.</summary>
public sealed class WorkerMetrics : IDisposable
{
    private readonly Meter _meter = new("Observatory.AnalysisWorker");
    private readonly Counter<long> _finished;
    private readonly Histogram<double> _duration;

    public WorkerMetrics(RunningJobs running)
    {
        _finished = _meter.CreateCounter<long>("observatory.analyses.finished", unit: "{analysis}", description: "Analyses finished by this worker, by status.");
        _duration = _meter.CreateHistogram<double>("observatory.analysis.duration", unit: "s", description: "Time the engine spent on one analysis.");
        _meter.CreateObservableGauge("observatory.analyses.running", () => running.Count, unit: "{analysis}", description: "Analyses running in this worker now.");
    }

    public void Finished(string status, TimeSpan? engineTime = null)
    {
        _finished.Add(1, new KeyValuePair<string, object?>("status", status));
        if (engineTime is { } time) _duration.Record(time.TotalSeconds);
    }

    public void Dispose() => _meter.Dispose();
}
