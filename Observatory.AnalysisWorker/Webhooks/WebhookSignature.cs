using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Observatory.Identity;

namespace Observatory.AnalysisWorker.Webhooks;

/// <summary>Standard Webhooks signing (CONTRACT §5): <c>v1,</c> + base64 HMAC-SHA256 over
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c>, keyed with the bytes of the principal's <c>whsec_</c> secret.</summary>
public static class WebhookSignature
{
    public const string Version = "v1";

    public static string Sign(string secret, string eventId, long timestamp, string body) =>
        Sign(WebhookSecrets.KeyBytes(secret), eventId, timestamp, body);

    public static string Sign(byte[] key, string eventId, long timestamp, string body)
    {
        var content = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{eventId}.{timestamp}.{body}"));
        return $"{Version},{Convert.ToBase64String(HMACSHA256.HashData(key, content))}";
    }
}
