using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Observatory.ServiceDefaults.Web;

/// <summary>
/// The last line of defence, just inside the trace-id middleware: an exception that escapes the application (and any
/// exception handler the service installed) becomes an RFC 9457 500 problem response carrying <c>X-Trace-Id</c> and
/// <c>trace_id</c>, instead of Kestrel's bare 500 without headers. The exception is logged once, here. When the
/// response has already started nothing can be rewritten, so the exception is rethrown and Kestrel aborts the response.
/// </summary>
internal sealed class UnhandledExceptionMiddleware(
    RequestDelegate next,
    IProblemDetailsService problemDetails,
    ILogger<UnhandledExceptionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            UnhandledExceptionLog.RequestAborted(logger, context.Request.Method, context.Request.Path.Value ?? "/");
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            var traceId = RequestTraceId.Get(context);
            UnhandledExceptionLog.AnsweredWithServerError(
                logger, exception, context.Request.Method, context.Request.Path.Value ?? "/", traceId);
            MarkFailed(context, exception);

            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.Headers.CacheControl = "no-store";
            await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                Exception = exception,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Title = "An unexpected error occurred",
                    Detail = "The server could not complete the request. Quote the trace id when reporting this.",
                },
            });
        }
    }

    private static void MarkFailed(HttpContext context, Exception exception)
    {
        var errorType = exception.GetType().FullName ?? exception.GetType().Name;
        context.Features.Get<IHttpMetricsTagsFeature>()?.Tags.Add(new KeyValuePair<string, object?>("error.type", errorType));
        if (context.Features.Get<IHttpActivityFeature>()?.Activity is { IsAllDataRequested: true } activity)
        {
            activity.AddException(exception);
            activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        }
    }
}
