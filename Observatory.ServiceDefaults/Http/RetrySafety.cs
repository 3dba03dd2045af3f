using System.Net.Http.Json;

namespace Observatory.ServiceDefaults.Http;

/// <summary>
/// Whether sending a request again cannot do harm. Two conditions, both required:
/// <list type="number">
/// <item>The body can be sent twice: no body, or one held in memory (<see cref="ByteArrayContent"/> and so
/// <see cref="StringContent"/>/<see cref="FormUrlEncodedContent"/>, <see cref="ReadOnlyMemoryContent"/>,
/// <see cref="JsonContent"/>, multipart made of those). Streamed bodies are never retried.</item>
/// <item>The server cannot end up acting twice: the method is idempotent (GET, HEAD, OPTIONS, TRACE, PUT, DELETE),
/// or the request carries an <c>Idempotency-Key</c> header (the server deduplicates), or — for any method — the
/// attempt failed before the request left this process (connection could not be opened or the name not resolved).</item>
/// </list>
/// So a POST without an Idempotency-Key is retried only on connection failures, never on a 5xx or a timeout.
/// </summary>
internal static class RetrySafety
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static bool MayRetry(HttpRequestMessage request, Exception? failure)
    {
        if (!IsResendable(request.Content))
        {
            return false;
        }

        return IsIdempotent(request.Method)
            || request.Headers.Contains(IdempotencyKeyHeader)
            || NeverReachedServer(failure);
    }

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Trace || method == HttpMethod.Put || method == HttpMethod.Delete;

    private static bool NeverReachedServer(Exception? failure) =>
        failure is HttpRequestException
        {
            HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError,
        };

    private static bool IsResendable(HttpContent? content) => content switch
    {
        null => true,
        ByteArrayContent or ReadOnlyMemoryContent or JsonContent => true,
        MultipartContent parts => parts.All(IsResendable),
        _ => false,
    };
}
