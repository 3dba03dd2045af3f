using System.Security.Cryptography;

namespace Observatory.Identity;

/// <summary>Standard Webhooks secrets: <c>whsec_</c> + base64 of 32 random bytes; the HMAC key is the decoded bytes.</summary>
public static class WebhookSecrets
{
    public const string Marker = "whsec_";

    public static string Generate() => Marker + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static byte[] KeyBytes(string secret) =>
        Convert.FromBase64String(secret.StartsWith(Marker, StringComparison.Ordinal) ? secret[Marker.Length..] : secret);
}
