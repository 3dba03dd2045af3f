using Observatory.Gateway.Identity;
using Observatory.Gateway.Proxy;

namespace Observatory.Gateway.Security;

/// <summary><c>/metrics</c> through the gateway (CONTRACT §8): admin and partner credentials only, and the services'
/// metrics in one exposition — the gateway's own followed by the ApiService's and, when the gateway knows where it is
/// (<c>services__analysisworker__http__0</c>), the worker's. Each series carries its <c>otel_scope_name</c>; a
/// scraper that needs them apart per process scrapes each service's own <c>/metrics</c>.</summary>
public sealed class MetricsAccessMiddleware(RequestDelegate next, IHttpClientFactory httpClients, IConfiguration configuration)
{
    public const string ClientName = "apiservice-metrics";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/metrics"))
        {
            await next(context);
            return;
        }
        var caller = context.Features.Get<GatewayCaller>();
        if (caller?.Tier is not (CallerTiers.Admin or CallerTiers.Partner))
        {
            var status = caller?.Principal is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
            await Results.Problem(statusCode: status, title: status == 401 ? "Authentication required." : "Forbidden.",
                detail: "Metrics are available to admin and partner credentials.").ExecuteAsync(context);
            return;
        }

        // Let the gateway's own exporter write into a buffer, then add the ApiService's exposition after it.
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);

        var worker = configuration["services:analysisworker:http:0"];
        var sections = await Task.WhenAll(
            ReadAsync("ApiService", ApiServiceRoutes.ResolveAddress(configuration), context.RequestAborted),
            worker is null ? Task.FromResult("") : ReadAsync("AnalysisWorker", worker, context.RequestAborted));
        foreach (var section in sections) await context.Response.WriteAsync(section, context.RequestAborted);
    }

    private async Task<string> ReadAsync(string service, string address, CancellationToken cancellationToken)
    {
        try
        {
            var text = await httpClients.CreateClient(ClientName).GetStringAsync(new Uri(new Uri(address), "/metrics"), cancellationToken);
            return $"\n# {service}\n{text}";
        }
        catch (HttpRequestException)
        {
            return $"\n# {service} metrics unavailable\n";
        }
    }
}
