using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Observatory.ServiceDefaults.Web;

/// <summary>
/// Completes the ASP.NET Core server span (<see cref="IHttpActivityFeature"/>): once the inner pipeline has run, sets
/// <c>http.route</c> from the matched endpoint's route template (and names the span "METHOD route") and
/// <c>http.response.status_code</c>. ASP.NET Core 10 sets the same tags itself at request end when the endpoint carries
/// route diagnostics metadata; this keeps them present for every endpoint and runtime.
/// Requests to <c>/health</c>, <c>/alive</c> and <c>/metrics</c> are marked not recorded, so probes and scrapes do not
/// flood the trace store (child spans follow, through the parent-based sampler).
/// </summary>
internal sealed class ServerSpanEnrichmentMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var activity = context.Features.Get<IHttpActivityFeature>()?.Activity;
        if (activity is null)
        {
            await next(context);
            return;
        }

        if (DefaultEndpointPaths.IsDefaultEndpoint(context.Request.Path.Value))
        {
            activity.IsAllDataRequested = false;
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
            await next(context);
            return;
        }

        await next(context);

        if (!activity.IsAllDataRequested)
        {
            return;
        }

        if (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { Length: > 0 } route })
        {
            activity.SetTag("http.route", route);
            activity.DisplayName = $"{context.Request.Method} {route}";
        }

        activity.SetTag("http.response.status_code", context.Response.StatusCode);
    }
}
