using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Observatory.ServiceDefaults;
using Observatory.ServiceDefaults.Health;
using Observatory.ServiceDefaults.Http;
using Observatory.ServiceDefaults.Metrics;
using Observatory.ServiceDefaults.Telemetry;
using Observatory.ServiceDefaults.Web;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every Observatory service shares (the counterpart of the Aspire template's ServiceDefaults project):
/// OpenTelemetry, <c>X-Trace-Id</c> and problem details, health checks, HttpClient resilience, and the default
/// endpoints <c>/health</c>, <c>/alive</c> and <c>/metrics</c>.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// Registers the service defaults. Call it first thing on the application builder.
    /// <list type="bullet">
    /// <item>OpenTelemetry traces (<c>Microsoft.AspNetCore</c>, <c>System.Net.Http</c>, <c>Npgsql</c>, <c>Observatory.*</c>),
    /// metrics (ASP.NET Core, Kestrel, routing, HttpClient, runtime, Npgsql, <c>Observatory.*</c>) and logs; exported over
    /// OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, service name from <c>OTEL_SERVICE_NAME</c> or the application name.</item>
    /// <item>The outermost middleware: <c>X-Trace-Id</c> on every response, server span route/status tags, and a last-resort
    /// 500 problem response for unhandled exceptions; <c>trace_id</c> on every problem response.</item>
    /// <item>Health checks with a "self" liveness check; add your own with <c>builder.Services.AddHealthChecks().AddCheck(…)</c>.</item>
    /// <item>Standard resilience on every HttpClient from IHttpClientFactory (<see cref="HttpResilienceOptions"/>); opt a client
    /// out with <c>WithoutStandardResilience()</c>.</item>
    /// </list>
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(service => service.ServiceType == typeof(ServiceDefaultsMarker)))
        {
            return builder;
        }

        builder.Services.AddSingleton<ServiceDefaultsMarker>();

        builder.AddObservatoryOpenTelemetry();

        // First startup filter registered = outermost middleware, outside even other startup filters.
        builder.Services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, ServiceDefaultsStartupFilter>());
        builder.Services.AddProblemDetails();
        builder.Services.PostConfigure<ProblemDetailsOptions>(options =>
        {
            var customizedByService = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                customizedByService?.Invoke(context);
                ProblemDetailsTraceId.Apply(context);
            };
        });

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), tags: [HealthCheckTags.Live]);

        builder.AddStandardHttpResilience();

        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (readiness: every check; 200 when Healthy or Degraded, 503 when Unhealthy; JSON report),
    /// <c>/alive</c> (liveness: only checks tagged <see cref="HealthCheckTags.Live"/>) and <c>/metrics</c> (Prometheus
    /// text), in every environment. No authorization here: the gateway decides who may read <c>/metrics</c>.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.MapHealthChecks(DefaultEndpointPaths.Health, new HealthCheckOptions
        {
            ResponseWriter = HealthReportJsonWriter.WriteAsync,
        });
        app.MapHealthChecks(DefaultEndpointPaths.Alive, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(HealthCheckTags.Live),
            ResponseWriter = HealthReportJsonWriter.WriteAsync,
        });
        app.MapGet(DefaultEndpointPaths.Metrics, PrometheusScrapeEndpoint.HandleAsync);

        return app;
    }

    /// <summary>Marks a service collection that already has the defaults, so a second call changes nothing.</summary>
    private sealed class ServiceDefaultsMarker;
}
