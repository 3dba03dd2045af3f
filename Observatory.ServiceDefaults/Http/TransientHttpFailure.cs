using System.Net;
using Polly;
using Polly.Timeout;

namespace Observatory.ServiceDefaults.Http;

/// <summary>
/// Which outcomes of one attempt are worth another try, and count against the circuit breaker: a network-level
/// failure (<see cref="HttpRequestException"/>), an attempt that ran out of time, 408, 429, and 5xx except 501 and 505
/// (which no retry can fix).
/// </summary>
internal static class TransientHttpFailure
{
    public static bool IsTransient(in Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Exception: null, Result: { } response } => IsTransient(response.StatusCode),
        _ => false,
    };

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        || ((int)status >= 500 && status is not (HttpStatusCode.NotImplemented or HttpStatusCode.HttpVersionNotSupported));

    /// <summary>A short description of the outcome for logs: the status code or the exception type.</summary>
    public static string Describe(in Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: { } exception } => exception.GetType().Name,
        { Result: { } response } => ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "no outcome",
    };
}
