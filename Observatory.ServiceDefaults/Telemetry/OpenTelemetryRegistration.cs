using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Observatory.ServiceDefaults.Metrics;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Observatory.ServiceDefaults.Telemetry;

/// <summary>
/// Wires traces, metrics and logs into the OpenTelemetry SDK without OpenTelemetry.Extensions.Hosting (absent from
/// the package feed here): traces and metrics live in one <see cref="OpenTelemetrySdk"/> singleton that
/// <see cref="OpenTelemetrySdkActivator"/> creates when the host starts and the container disposes (flushing the
/// exporters) on shutdown; logs go through <c>ILoggingBuilder.AddOpenTelemetry</c>, which lives in the host's container.
/// </summary>
internal static class OpenTelemetryRegistration
{
    public static void AddObservatoryOpenTelemetry(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var serviceName = ResolveServiceName(builder);
        var environmentName = builder.Environment.EnvironmentName;
        var exportOverOtlp = !string.IsNullOrWhiteSpace(configuration[OpenTelemetryConfigurationKeys.OtlpEndpoint]);

        void DescribeService(ResourceBuilder resource) => resource
            .AddService(serviceName)
            .AddAttributes([new KeyValuePair<string, object>("deployment.environment.name", environmentName)]);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        builder.Services.ConfigureOpenTelemetryLoggerProvider(logging =>
        {
            logging.ConfigureResource(DescribeService);
            if (exportOverOtlp)
            {
                logging.AddOtlpExporter();
            }
        });

        // Registered as an instance: the MeterProvider owns (and disposes) the reader once it is attached to it.
        var prometheusReader = new PrometheusPullMetricReader();
        builder.Services.AddSingleton(prometheusReader);

        builder.Services.AddSingleton(_ => OpenTelemetrySdk.Create(otel =>
        {
            // The SDK has its own container whose IConfiguration only holds environment variables; hand it the
            // host's configuration so the OTLP exporter sees OTEL_* keys from every configuration source.
            otel.Services.AddSingleton<IConfiguration>(configuration);

            otel.ConfigureResource(DescribeService)
                .WithTracing(tracing =>
                {
                    tracing.AddSource(CollectedTelemetryNames.ActivitySources);
                    if (exportOverOtlp)
                    {
                        tracing.AddOtlpExporter();
                    }
                })
                .WithMetrics(metrics =>
                {
                    metrics.AddMeter(CollectedTelemetryNames.Meters);
                    metrics.AddReader(prometheusReader);
                    if (exportOverOtlp)
                    {
                        metrics.AddOtlpExporter();
                    }
                });
        }));
        builder.Services.AddHostedService<OpenTelemetrySdkActivator>();
    }

    private static string ResolveServiceName(IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration[OpenTelemetryConfigurationKeys.ServiceName];
        return string.IsNullOrWhiteSpace(configured) ? builder.Environment.ApplicationName : configured.Trim();
    }
}
