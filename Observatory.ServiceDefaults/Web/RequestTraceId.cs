using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Observatory.ServiceDefaults;

/// <summary>
/// The trace id a request is reported under: in the <c>X-Trace-Id</c> response header, in problem responses'
/// <c>trace_id</c>, and wherever a service records it (e.g. the audit log).
/// </summary>
public static class RequestTraceId
{
    /// <summary>The response header carrying the trace id.</summary>
    public const string HeaderName = "X-Trace-Id";

    /// <summary>
    /// The W3C trace id (32 lower-case hex digits) of the request's server activity, or of the current activity;
    /// <see cref="HttpContext.TraceIdentifier"/> only when the request has no activity at all.
    /// </summary>
    public static string Get(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var activity = context.Features.Get<IHttpActivityFeature>()?.Activity ?? Activity.Current;
        return activity is { IdFormat: ActivityIdFormat.W3C }
            ? activity.TraceId.ToHexString()
            : context.TraceIdentifier;
    }
}
