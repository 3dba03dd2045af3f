using Microsoft.AspNetCore.Http;

namespace Observatory.ServiceDefaults.Web;

/// <summary>
/// The finishing touch on every problem response written through <see cref="IProblemDetailsService"/> (minimal API
/// <c>Results.Problem</c>, MVC, the exception handler, status code pages): a <c>trace_id</c> extension equal to the
/// <c>X-Trace-Id</c> header instead of ASP.NET Core's <c>traceId</c> (a full traceparent, camelCase), and a
/// <c>detail</c> that is never missing (the contract requires type, title, status and detail).
/// </summary>
internal static class ProblemDetailsTraceId
{
    public const string ExtensionName = "trace_id";

    private const string AspNetCoreExtensionName = "traceId";

    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions.Remove(AspNetCoreExtensionName);
        problem.Extensions[ExtensionName] = RequestTraceId.Get(context.HttpContext);
        problem.Detail ??= problem.Title;
    }
}
