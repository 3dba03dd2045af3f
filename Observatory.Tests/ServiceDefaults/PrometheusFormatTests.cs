using System.Diagnostics.Metrics;
using Observatory.ServiceDefaults.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Observatory.Tests.ServiceDefaults;

/// <summary>The Prometheus text rendering of hand-built instruments, through a private MeterProvider.</summary>
public sealed class PrometheusFormatTests : IDisposable
{
    // A unique meter name per test instance, outside "Observatory.*", so no other MeterProvider in the process sees it.
    private readonly string meterName = "FormatTest" + Guid.NewGuid().ToString("N");
    private readonly Meter meter;
    private readonly PrometheusPullMetricReader reader = new();
    private readonly MeterProvider provider;

    public PrometheusFormatTests()
    {
        meter = new Meter(meterName);
        provider = Sdk.CreateMeterProviderBuilder().AddMeter(meterName).AddReader(reader).Build();
    }

    public void Dispose()
    {
        provider.Dispose();
        meter.Dispose();
    }

    [Fact]
    public async Task Counter_gets_unit_and_total_suffixes_and_escaped_label_values()
    {
        var sent = meter.CreateCounter<long>("net.sent", unit: "By", description: "Bytes sent.");
        sent.Add(5, new KeyValuePair<string, object?>("peer.name", "a\"b\\c\nd"));

        var text = await ScrapeAsync();

        Assert.Contains("# HELP net_sent_bytes_total Bytes sent.\n# TYPE net_sent_bytes_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains($"net_sent_bytes_total{{otel_scope_name=\"{meterName}\",peer_name=\"a\\\"b\\\\c\\nd\"}} 5\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Histogram_has_cumulative_buckets_sum_and_count()
    {
        var latency = meter.CreateHistogram<double>(
            "job.latency",
            unit: "ms",
            description: null,
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [10, 100] });
        latency.Record(5);
        latency.Record(50);
        latency.Record(500);

        var text = await ScrapeAsync();
        var scope = $"otel_scope_name=\"{meterName}\"";

        Assert.Contains(
            "# TYPE job_latency_milliseconds histogram\n"
            + $"job_latency_milliseconds_bucket{{{scope},le=\"10\"}} 1\n"
            + $"job_latency_milliseconds_bucket{{{scope},le=\"100\"}} 2\n"
            + $"job_latency_milliseconds_bucket{{{scope},le=\"+Inf\"}} 3\n"
            + $"job_latency_milliseconds_sum{{{scope}}} 555\n"
            + $"job_latency_milliseconds_count{{{scope}}} 3\n",
            text,
            StringComparison.Ordinal);
        Assert.DoesNotContain("# HELP job_latency", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_down_counters_and_gauges_are_gauges_with_unit_suffixes()
    {
        var depth = meter.CreateUpDownCounter<long>("queue.depth", unit: "{item}");
        depth.Add(7);
        depth.Add(-2);
        meter.CreateObservableGauge("cache.hit_rate", () => 0.25, unit: "1");
        meter.CreateObservableGauge("uptime", () => 1.5, unit: "s");
        meter.CreateObservableGauge("throughput", () => 2048L, unit: "By/s");

        var text = await ScrapeAsync();
        var scope = $"otel_scope_name=\"{meterName}\"";

        Assert.Contains($"# TYPE queue_depth gauge\nqueue_depth{{{scope}}} 5\n", text, StringComparison.Ordinal);
        Assert.Contains($"# TYPE cache_hit_rate_ratio gauge\ncache_hit_rate_ratio{{{scope}}} 0.25\n", text, StringComparison.Ordinal);
        Assert.Contains($"# TYPE uptime_seconds gauge\nuptime_seconds{{{scope}}} 1.5\n", text, StringComparison.Ordinal);
        Assert.Contains($"# TYPE throughput_bytes_per_second gauge\nthroughput_bytes_per_second{{{scope}}} 2048\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_are_sanitized_without_doubling_suffixes()
    {
        meter.CreateCounter<long>("jobs-done..count_total").Add(1);
        meter.CreateCounter<double>("cpu.time_seconds", unit: "s").Add(0.5);
        meter.CreateCounter<long>("responses").Add(2, new KeyValuePair<string, object?>("2xx.share:pct", 0.5));

        var text = await ScrapeAsync();

        Assert.Contains("# TYPE jobs_done_count_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE cpu_time_seconds_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains($"responses_total{{otel_scope_name=\"{meterName}\",_2xx_share_pct=\"0.5\"}} 2\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_text_is_escaped()
    {
        meter.CreateCounter<long>("escaped", description: "line one\nback\\slash").Add(1);

        var text = await ScrapeAsync();

        Assert.Contains("# HELP escaped_total line one\\nback\\\\slash\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counters_are_cumulative_across_scrapes()
    {
        var counter = meter.CreateCounter<long>("ticks");
        counter.Add(2);
        await ScrapeAsync();
        counter.Add(3);

        var text = await ScrapeAsync();

        Assert.Contains($"ticks_total{{otel_scope_name=\"{meterName}\"}} 5\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_without_a_meter_provider_yields_nothing()
    {
        using var detached = new PrometheusPullMetricReader();

        Assert.Null(await detached.ScrapeAsync());
    }

    private async Task<string> ScrapeAsync()
    {
        var text = await reader.ScrapeAsync();
        Assert.NotNull(text);
        return text;
    }
}
