using OpenTelemetry.Metrics;

namespace Observatory.ServiceDefaults.Metrics;

/// <summary>The Prometheus metric types this exporter writes.</summary>
internal enum PrometheusMetricType
{
    /// <summary>A monotonic sum; its samples carry the <c>_total</c> suffix.</summary>
    Counter,

    /// <summary>A gauge, or a non-monotonic sum (an up-down counter).</summary>
    Gauge,

    /// <summary>A histogram (<c>_bucket</c>, <c>_sum</c>, <c>_count</c>).</summary>
    Histogram,
}

/// <summary>Maps OpenTelemetry metric types onto <see cref="PrometheusMetricType"/>.</summary>
internal static class PrometheusMetricTypeMapping
{
    extension(PrometheusMetricType)
    {
        public static PrometheusMetricType Of(MetricType metricType) => metricType switch
        {
            MetricType.LongSum or MetricType.DoubleSum => PrometheusMetricType.Counter,
            MetricType.LongSumNonMonotonic or MetricType.DoubleSumNonMonotonic => PrometheusMetricType.Gauge,
            MetricType.LongGauge or MetricType.DoubleGauge => PrometheusMetricType.Gauge,
            MetricType.Histogram or MetricType.ExponentialHistogram => PrometheusMetricType.Histogram,
            _ => throw new ArgumentOutOfRangeException(nameof(metricType), metricType, "Unknown OpenTelemetry metric type."),
        };
    }

    public static string Keyword(this PrometheusMetricType type) => type switch
    {
        PrometheusMetricType.Counter => "counter",
        PrometheusMetricType.Gauge => "gauge",
        PrometheusMetricType.Histogram => "histogram",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
