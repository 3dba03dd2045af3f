using OpenTelemetry.Metrics;

namespace Observatory.ServiceDefaults.Metrics;

/// <summary>
/// A pull-based OpenTelemetry metric reader that renders the Prometheus text exposition format (0.0.4) on demand.
/// Attach it to a MeterProvider (<c>AddReader</c>); every <see cref="ScrapeAsync"/> collects the cumulative state of all
/// metrics once and formats it. Scrapes are serialized: the SDK's collect-and-export cycle hands the batch to the
/// exporter on the calling thread, and one scrape must not read another's half-written output.
/// </summary>
public sealed class PrometheusPullMetricReader : BaseExportingMetricReader
{
    /// <summary>The content type of the text exposition format this reader produces.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private const int CollectTimeoutMilliseconds = 10_000;

    private readonly PrometheusTextExporter textExporter;
    private readonly SemaphoreSlim scrapeGate = new(1, 1);

    /// <summary>Creates a reader; it produces output once a MeterProvider has adopted it.</summary>
    public PrometheusPullMetricReader()
        : this(new PrometheusTextExporter())
    {
    }

    private PrometheusPullMetricReader(PrometheusTextExporter exporter)
        : base(exporter)
    {
        textExporter = exporter;
        TemporalityPreference = MetricReaderTemporalityPreference.Cumulative;
    }

    /// <summary>
    /// Collects all metrics and returns them in the Prometheus text format, or <c>null</c> when nothing could be
    /// collected (the reader is not attached to a MeterProvider yet, or it has been shut down).
    /// </summary>
    public async Task<string?> ScrapeAsync(CancellationToken cancellationToken = default)
    {
        await scrapeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            textExporter.BeginScrape();
            var collected = textExporter.ParentProvider is not null
                && (textExporter.Collect?.Invoke(CollectTimeoutMilliseconds) ?? false);
            var text = textExporter.EndScrape();
            return collected ? text : null;
        }
        finally
        {
            scrapeGate.Release();
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            scrapeGate.Dispose();
        }

        base.Dispose(disposing);
    }
}
