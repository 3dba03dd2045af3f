using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Observatory.ServiceDefaults.Web;

/// <summary>
/// Puts the service-default middleware in front of everything the application configures (it is registered as the
/// first startup filter, so it also wraps other startup filters and the development exception page):
/// trace-id header → server span enrichment → last-resort exception handling → the application.
/// </summary>
internal sealed class ServiceDefaultsStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<TraceIdResponseHeaderMiddleware>();
        app.UseMiddleware<ServerSpanEnrichmentMiddleware>();
        app.UseMiddleware<UnhandledExceptionMiddleware>();
        next(app);
    };
}
