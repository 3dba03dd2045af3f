using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Observatory.ServiceDefaults.Metrics;

/// <summary>Serves <c>/metrics</c>: one collection of the OpenTelemetry metrics, rendered as Prometheus text.</summary>
internal static class PrometheusScrapeEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        var reader = context.RequestServices.GetRequiredService<PrometheusPullMetricReader>();
        var text = await reader.ScrapeAsync(context.RequestAborted).ConfigureAwait(false);
        context.Response.Headers.CacheControl = "no-store";
        if (text is null)
        {
            await Results.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Metrics are not available",
                    detail: "The metrics pipeline is not running (the service is starting or stopping).")
                .ExecuteAsync(context)
                .ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = PrometheusPullMetricReader.ContentType;
        await context.Response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
    }
}
