using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Observatory.LoadTest;

/// <summary>One response as the load generator sees it: outcome label, status, body and client-side latency.</summary>
public readonly record struct Exchange(string Outcome, int Status, byte[] Body, long ElapsedTicks)
{
    public bool Is(HttpStatusCode code) => Status == (int)code;

    public string BodySnippet => Body.Length == 0 ? "" : System.Text.Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300));
}

/// <summary>
/// The one shared <see cref="HttpClient"/>: pooled connections (at least one per concurrent client), no proxy, no
/// redirects, no cookies, and loopback-only connects. Latency is measured from just before sending to the last
/// byte of the body.
/// </summary>
public sealed class LoadClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _client;

    public LoadClient(LoadTestOptions options, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(connections, options.Concurrency),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            ConnectCallback = LoopbackGuard.ConnectLoopbackOnlyAsync,
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        _client = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = Scenarios.Api.Normalize(options.Url),
            Timeout = options.RequestTimeout,
            DefaultRequestVersion = HttpVersion.Version11,
        };
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        }
    }

    public Task<Exchange> PostJsonAsync(string path, byte[] body, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = content }, cancellationToken);
    }

    public Task<Exchange> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    private async Task<Exchange> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            long start = Stopwatch.GetTimestamp();
            try
            {
                using HttpResponseMessage response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                long elapsed = Stopwatch.GetTimestamp() - start;
                int status = (int)response.StatusCode;
                return new Exchange(status.ToString(System.Globalization.CultureInfo.InvariantCulture), status, body, elapsed);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new Exchange("timeout", 0, [], Stopwatch.GetTimestamp() - start);
            }
            catch (HttpRequestException exception)
            {
                return new Exchange("connection", 0, System.Text.Encoding.UTF8.GetBytes(exception.Message), Stopwatch.GetTimestamp() - start);
            }
        }
    }

    public void Dispose() => _client.Dispose();
}
