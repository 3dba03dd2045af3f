using System.Text;

namespace Observatory.ServiceDefaults.Metrics;

/// <summary>
/// Turns OpenTelemetry instrument names, units and attribute keys into Prometheus names, following the OpenTelemetry
/// "Prometheus and OpenMetrics compatibility" rules: characters outside <c>[a-zA-Z0-9_:]</c> become <c>_</c> (runs of
/// <c>_</c> collapse), UCUM units become a suffix (<c>s</c> → <c>_seconds</c>, <c>ms</c> → <c>_milliseconds</c>,
/// <c>By</c> → <c>_bytes</c>, <c>By/s</c> → <c>_bytes_per_second</c>, <c>1</c> on a gauge → <c>_ratio</c>; annotations
/// in braces such as <c>{request}</c> add nothing), and counters end in <c>_total</c>.
/// </summary>
internal static class PrometheusNaming
{
    private static readonly Dictionary<string, string> UnitWords = new(StringComparer.Ordinal)
    {
        ["d"] = "days",
        ["h"] = "hours",
        ["min"] = "minutes",
        ["s"] = "seconds",
        ["ms"] = "milliseconds",
        ["us"] = "microseconds",
        ["ns"] = "nanoseconds",
        ["By"] = "bytes",
        ["KiBy"] = "kibibytes",
        ["MiBy"] = "mebibytes",
        ["GiBy"] = "gibibytes",
        ["TiBy"] = "tebibytes",
        ["KBy"] = "kilobytes",
        ["MBy"] = "megabytes",
        ["GBy"] = "gigabytes",
        ["TBy"] = "terabytes",
        ["bit"] = "bits",
        ["m"] = "meters",
        ["V"] = "volts",
        ["A"] = "amperes",
        ["J"] = "joules",
        ["W"] = "watts",
        ["g"] = "grams",
        ["Cel"] = "celsius",
        ["Hz"] = "hertz",
        ["%"] = "percent",
    };

    private static readonly Dictionary<string, string> PerUnitWords = new(StringComparer.Ordinal)
    {
        ["s"] = "second",
        ["m"] = "minute",
        ["h"] = "hour",
        ["d"] = "day",
        ["w"] = "week",
        ["mo"] = "month",
        ["y"] = "year",
    };

    /// <summary>The Prometheus family name: sanitized name, unit suffix, and <c>_total</c> for counters.</summary>
    public static string MetricFamilyName(string instrumentName, string? unit, PrometheusMetricType type)
    {
        var name = Sanitize(instrumentName);
        var isCounter = type == PrometheusMetricType.Counter;
        if (isCounter && name.EndsWith("_total", StringComparison.Ordinal) && name.Length > "_total".Length)
        {
            name = name[..^"_total".Length];
        }

        var unitSuffix = UnitSuffix(unit, type);
        if (unitSuffix.Length > 0 && !name.EndsWith("_" + unitSuffix, StringComparison.Ordinal))
        {
            name = name + "_" + unitSuffix;
        }

        return isCounter ? name + "_total" : name;
    }

    /// <summary>A label name: like a metric name, but <c>:</c> is not allowed either.</summary>
    public static string LabelName(string attributeKey) => Sanitize(attributeKey, allowColon: false);

    /// <summary>The unit suffix without its leading underscore, or an empty string.</summary>
    public static string UnitSuffix(string? unit, PrometheusMetricType type)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return string.Empty;
        }

        var trimmed = RemoveAnnotations(unit.Trim());
        if (trimmed == "1")
        {
            return type == PrometheusMetricType.Gauge ? "ratio" : string.Empty;
        }

        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return Word(trimmed, UnitWords);
        }

        var numerator = Word(trimmed[..slash], UnitWords);
        var denominator = Word(trimmed[(slash + 1)..], PerUnitWords);
        if (denominator.Length == 0)
        {
            return numerator;
        }

        return numerator.Length == 0 ? "per_" + denominator : numerator + "_per_" + denominator;
    }

    private static string Word(string unitPart, Dictionary<string, string> words)
    {
        if (unitPart.Length == 0 || unitPart == "1")
        {
            return string.Empty;
        }

        return words.TryGetValue(unitPart, out var word) ? word : Sanitize(unitPart).Trim('_');
    }

    private static string RemoveAnnotations(string unit)
    {
        if (!unit.Contains('{', StringComparison.Ordinal))
        {
            return unit;
        }

        var kept = new StringBuilder(unit.Length);
        var depth = 0;
        foreach (var c in unit)
        {
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                kept.Append(c);
            }
        }

        return kept.ToString().Trim();
    }

    private static string Sanitize(string raw, bool allowColon = true)
    {
        var result = new StringBuilder(raw.Length + 1);
        foreach (var c in raw)
        {
            var valid = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') || (allowColon && c == ':');
            var next = valid ? c : '_';
            if (next == '_' && result.Length > 0 && result[^1] == '_')
            {
                continue;
            }

            result.Append(next);
        }

        if (result.Length == 0 || char.IsAsciiDigit(result[0]))
        {
            result.Insert(0, '_');
        }

        return result.ToString();
    }
}
