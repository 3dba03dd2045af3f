using OpenTelemetry.Metrics;

namespace Observatory.ServiceDefaults.Metrics;

/// <summary>The metrics of one scrape that share a Prometheus name, and so one <c># HELP</c>/<c># TYPE</c> header.</summary>
internal sealed class PrometheusMetricFamily(string name, PrometheusMetricType type, string? help)
{
    public string Name { get; } = name;

    public PrometheusMetricType Type { get; } = type;

    public string? Help { get; } = help;

    public List<Metric> Metrics { get; } = [];
}
