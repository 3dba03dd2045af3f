using System.Diagnostics;
using Observatory.Gateway.Identity;
using Observatory.Messaging.Audit;

namespace Observatory.Gateway.Audit;

/// <summary>Records every API request (CONTRACT §7: time, principal, tier, key prefix, client IP, method, path,
/// status, resource id, trace id) after it is answered. Recording is a channel write; shipping happens in the
/// background (<see cref="BufferedAuditTrail"/>), so it adds no measurable latency.</summary>
public sealed class RequestAuditMiddleware(RequestDelegate next, BufferedAuditTrail audit, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!IsAudited(path))
        {
            await next(context);
            return;
        }
        var startedAt = clock.GetUtcNow();
        try
        {
            await next(context);
        }
        finally
        {
            var caller = context.Features.Get<GatewayCaller>();
            audit.Record(new AuditEvent(startedAt, caller?.Principal, caller?.Tier ?? CallerTiers.Public, caller?.KeyPrefix,
                caller?.ClientIp ?? context.Connection.RemoteIpAddress?.ToString(), context.Request.Method,
                path + context.Request.QueryString, context.Response.StatusCode, ResourceId(context), Activity.Current?.TraceId.ToHexString()));
        }
    }

    private static bool IsAudited(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/examples", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase);

    /// <summary>The resource a request was about: an id in its path, or the one it created (Location).</summary>
    private static string? ResourceId(HttpContext context)
    {
        foreach (var segment in context.Request.Path.Value!.Split('/'))
            if (Guid.TryParse(segment, out var id)) return id.ToString("D");
        var location = context.Response.Headers.Location.ToString();
        var last = location.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return Guid.TryParse(last, out var created) ? created.ToString("D") : null;
    }
}
