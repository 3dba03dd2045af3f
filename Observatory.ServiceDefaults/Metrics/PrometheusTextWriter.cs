using System.Collections;
using System.Globalization;
using System.Text;
using OpenTelemetry.Metrics;

namespace Observatory.ServiceDefaults.Metrics;

/// <summary>
/// Writes metric families in the Prometheus text exposition format 0.0.4. Every series carries an
/// <c>otel_scope_name</c> label (the meter name) first, then the measurement's attributes. No timestamps are written:
/// the scrape time is the sample time.
/// </summary>
internal static class PrometheusTextWriter
{
    private const string ScopeLabel = "otel_scope_name";

    /// <summary>Writes the family's header and samples; a family without any sample is left out entirely.</summary>
    public static void WriteFamily(StringBuilder output, PrometheusMetricFamily family)
    {
        var headerWritten = false;
        foreach (var metric in family.Metrics)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                if (!headerWritten)
                {
                    AppendHeader(output, family);
                    headerWritten = true;
                }

                var labels = Labels(metric.MeterName, point);
                switch (metric.MetricType)
                {
                    case MetricType.LongSum:
                    case MetricType.LongSumNonMonotonic:
                        AppendSample(output, family.Name, labels, Format(point.GetSumLong()));
                        break;
                    case MetricType.DoubleSum:
                    case MetricType.DoubleSumNonMonotonic:
                        AppendSample(output, family.Name, labels, Format(point.GetSumDouble()));
                        break;
                    case MetricType.LongGauge:
                        AppendSample(output, family.Name, labels, Format(point.GetGaugeLastValueLong()));
                        break;
                    case MetricType.DoubleGauge:
                        AppendSample(output, family.Name, labels, Format(point.GetGaugeLastValueDouble()));
                        break;
                    case MetricType.Histogram:
                        AppendHistogram(output, family.Name, labels, point, withBuckets: true);
                        break;
                    case MetricType.ExponentialHistogram:
                        // Only views create these; Prometheus' classic histogram cannot hold their buckets, so only
                        // the catch-all bucket, the sum and the count are written.
                        AppendHistogram(output, family.Name, labels, point, withBuckets: false);
                        break;
                }
            }
        }
    }

    /// <summary>Escapes a label value: backslash, double quote and line feed.</summary>
    public static string EscapeLabelValue(string value)
    {
        if (value.AsSpan().IndexOfAny('\\', '"', '\n') < 0)
        {
            return value;
        }

        return value.Replace("\\", @"\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", @"\n", StringComparison.Ordinal);
    }

    private static void AppendHeader(StringBuilder output, PrometheusMetricFamily family)
    {
        if (!string.IsNullOrEmpty(family.Help))
        {
            output.Append("# HELP ").Append(family.Name).Append(' ');
            AppendEscapedHelp(output, family.Help);
            output.Append('\n');
        }

        output.Append("# TYPE ").Append(family.Name).Append(' ').Append(family.Type.Keyword()).Append('\n');
    }

    private static void AppendHistogram(
        StringBuilder output, string name, string labels, in MetricPoint point, bool withBuckets)
    {
        var count = point.GetHistogramCount();
        if (withBuckets)
        {
            long cumulative = 0;
            foreach (var bucket in point.GetHistogramBuckets())
            {
                cumulative += bucket.BucketCount;
                if (double.IsPositiveInfinity(bucket.ExplicitBound))
                {
                    continue;
                }

                AppendSample(output, name + "_bucket", WithLabel(labels, "le", Format(bucket.ExplicitBound)), Format(cumulative));
            }
        }

        AppendSample(output, name + "_bucket", WithLabel(labels, "le", "+Inf"), Format(count));
        AppendSample(output, name + "_sum", labels, Format(point.GetHistogramSum()));
        AppendSample(output, name + "_count", labels, Format(count));
    }

    private static string Labels(string meterName, in MetricPoint point)
    {
        var labels = new StringBuilder();
        labels.Append(ScopeLabel).Append("=\"").Append(EscapeLabelValue(meterName)).Append('"');
        foreach (var tag in point.Tags)
        {
            labels.Append(',').Append(PrometheusNaming.LabelName(tag.Key))
                .Append("=\"").Append(EscapeLabelValue(FormatAttribute(tag.Value))).Append('"');
        }

        return labels.ToString();
    }

    private static string WithLabel(string labels, string name, string value) => $"{labels},{name}=\"{value}\"";

    private static void AppendSample(StringBuilder output, string name, string labels, string value) =>
        output.Append(name).Append('{').Append(labels).Append("} ").Append(value).Append('\n');

    private static void AppendEscapedHelp(StringBuilder output, string help)
    {
        foreach (var c in help)
        {
            _ = c switch
            {
                '\\' => output.Append(@"\\"),
                '\n' => output.Append(@"\n"),
                _ => output.Append(c),
            };
        }
    }

    private static string FormatAttribute(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        double number => Format(number),
        float number => Format(number),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(",", items.Cast<object?>().Select(FormatAttribute)),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
