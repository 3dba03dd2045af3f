using System.Text;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Observatory.ServiceDefaults.Metrics;

/// <summary>
/// Receives the batch collected by <see cref="PrometheusPullMetricReader"/> (synchronously, on the scraping thread)
/// and renders it. Metrics that map to the same Prometheus name (the same instrument name in several meters) form one
/// family: one <c># HELP</c>/<c># TYPE</c> header, series told apart by their <c>otel_scope_name</c> label.
/// A pull-only exporter: the SDK lets a pull reader collect only through the <see cref="Collect"/> delegate it
/// installs here (plain <c>MetricReader.Collect</c> returns false for it).
/// </summary>
[ExportModes(ExportModes.Pull)]
internal sealed class PrometheusTextExporter : BaseExporter<Metric>, IPullMetricExporter
{
    private StringBuilder? output;

    /// <summary>Set by the reader that owns this exporter; cleared when the reader is disposed.</summary>
    public Func<int, bool>? Collect { get; set; }

    public void BeginScrape() => output = new StringBuilder(capacity: 16 * 1024);

    public string EndScrape()
    {
        var text = output?.ToString() ?? string.Empty;
        output = null;
        return text;
    }

    public override ExportResult Export(in Batch<Metric> batch)
    {
        if (output is null)
        {
            // Only a scrape starts a collection; anything else (e.g. the final collect at shutdown) has nobody to read it.
            return ExportResult.Success;
        }

        var families = new Dictionary<string, PrometheusMetricFamily>(StringComparer.Ordinal);
        var order = new List<PrometheusMetricFamily>();
        foreach (var metric in batch)
        {
            var type = PrometheusMetricType.Of(metric.MetricType);
            var name = PrometheusNaming.MetricFamilyName(metric.Name, metric.Unit, type);
            if (!families.TryGetValue(name, out var family))
            {
                family = new PrometheusMetricFamily(name, type, metric.Description);
                families.Add(name, family);
                order.Add(family);
            }

            // A family has one type; an instrument of another kind under the same name cannot join it.
            if (family.Type == type)
            {
                family.Metrics.Add(metric);
            }
        }

        foreach (var family in order)
        {
            PrometheusTextWriter.WriteFamily(output, family);
        }

        return ExportResult.Success;
    }
}
