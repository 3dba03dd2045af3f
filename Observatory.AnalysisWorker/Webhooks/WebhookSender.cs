using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace Observatory.AnalysisWorker.Webhooks;

/// <summary>Sends one attempt: a POST of the stored body with the Standard Webhooks headers, signed anew (the
/// timestamp is the attempt's), through a client that follows no redirects and retries nothing by itself.</summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock, IOptions<WebhookOptions> options)
{
    /// <summary>The named HttpClient: no redirects, no standard resilience, connections through <see cref="GuardedConnector"/>.</summary>
    public const string ClientName = "webhooks";

    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public async Task<AttemptOutcome> SendAsync(ClaimedDelivery delivery, string body, string secret)
    {
        byte[] key;
        try
        {
            key = Observatory.Identity.WebhookSecrets.KeyBytes(secret);
        }
        catch (FormatException)
        {
            return AttemptOutcome.Failed("The principal's webhook secret is malformed; rotate it with POST /api/v1/account/webhook-secret.");
        }

        // The API accepted the URL; check again in case the rules are stricter here (a worker not in Development).
        if (!Uri.TryCreate(delivery.Url, UriKind.Absolute, out var url)
            || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && options.Value.AllowPrivateNetworks)))
            return AttemptOutcome.Failed(options.Value.AllowPrivateNetworks ? "The callback URL is not an http(s) URL." : "The callback URL is not an https:// URL.");

        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.TryAddWithoutValidation(IdHeader, delivery.EventId);
        request.Headers.TryAddWithoutValidation(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(SignatureHeader, WebhookSignature.Sign(key, delivery.EventId, timestamp, body));

        var timeout = options.Value.Timeout;
        using var deadline = new CancellationTokenSource(timeout, clock);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            return AttemptOutcome.Answered((int)response.StatusCode);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return AttemptOutcome.Failed($"No answer within {timeout.TotalSeconds:0.###} s.");
        }
        catch (HttpRequestException e)
        {
            return AttemptOutcome.Failed(Describe(e));
        }
    }

    // The refusal or socket error says more than HttpRequestException's generic wrapper.
    private static string Describe(HttpRequestException e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
            if (inner is CallbackAddressRefusedException refused) return refused.Message;
        var innermost = e.GetBaseException();
        return innermost == e ? e.Message : $"{e.Message} ({innermost.Message})";
    }
}
