using Observatory.Gateway.Identity;

namespace Observatory.Gateway.Security;

/// <summary><c>/metrics</c> through the gateway is for admin and partner credentials only (CONTRACT §8).</summary>
public sealed class MetricsAccessMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/metrics")) return next(context);
        var caller = context.Features.Get<GatewayCaller>();
        if (caller?.Tier is CallerTiers.Admin or CallerTiers.Partner) return next(context);
        var status = caller?.Principal is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        return Results.Problem(statusCode: status, title: status == 401 ? "Authentication required." : "Forbidden.",
            detail: "Metrics are available to admin and partner credentials.").ExecuteAsync(context);
    }
}
