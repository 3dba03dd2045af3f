namespace Observatory.ServiceDefaults.Telemetry;

/// <summary>The standard OpenTelemetry environment variables this library reads itself (the OTLP exporter reads the rest).</summary>
internal static class OpenTelemetryConfigurationKeys
{
    public const string ServiceName = "OTEL_SERVICE_NAME";
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
}
