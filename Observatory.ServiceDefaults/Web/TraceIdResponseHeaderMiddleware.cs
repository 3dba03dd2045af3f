using Microsoft.AspNetCore.Http;

namespace Observatory.ServiceDefaults.Web;

/// <summary>
/// Puts <c>X-Trace-Id</c> on every response. It is the outermost middleware and sets the header when the response
/// starts, so status-code-only responses (404, 405), problem responses and error responses written by inner
/// middleware all carry it.
/// </summary>
internal sealed class TraceIdResponseHeaderMiddleware(RequestDelegate next)
{
    private static readonly Func<object, Task> SetHeader = static state =>
    {
        var context = (HttpContext)state;
        context.Response.Headers[RequestTraceId.HeaderName] = RequestTraceId.Get(context);
        return Task.CompletedTask;
    };

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(SetHeader, context);
        return next(context);
    }
}
