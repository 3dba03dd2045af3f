using Microsoft.Extensions.Logging;

namespace Observatory.ServiceDefaults.Http;

/// <summary>Log messages of the standard HTTP resilience pipeline.</summary>
internal static partial class HttpResilienceLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "HTTP client {ClientName}: retrying {Method} {Target} in {DelayMs} ms (retry {RetryNumber}) after {Failure}")]
    public static partial void Retrying(
        ILogger logger, string clientName, string method, string target, long delayMs, int retryNumber, string failure);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "HTTP client {ClientName}: circuit opened for {BreakMs} ms after {Failure}; requests fail fast until then")]
    public static partial void CircuitOpened(ILogger logger, string clientName, long breakMs, string failure);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information,
        Message = "HTTP client {ClientName}: circuit closed, requests flow again")]
    public static partial void CircuitClosed(ILogger logger, string clientName);
}
