using Microsoft.Extensions.Logging;

namespace Observatory.ServiceDefaults.Web;

/// <summary>Log messages of <see cref="UnhandledExceptionMiddleware"/>.</summary>
internal static partial class UnhandledExceptionLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error,
        Message = "Unhandled exception while processing {Method} {Path}; answered 500 (trace {TraceId})")]
    public static partial void AnsweredWithServerError(ILogger logger, Exception exception, string method, string path, string traceId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug,
        Message = "Request {Method} {Path} was aborted by the client")]
    public static partial void RequestAborted(ILogger logger, string method, string path);
}
