using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Observatory.ApiService.Identity;

/// <summary>The headers by which the gateway tells the ApiService who is calling, and their HMAC-SHA256 proof.
/// A request that reaches the ApiService without a valid proof is public, whatever it claims.</summary>
public static class ForwardedIdentity
{
    public const string PrincipalHeader = "X-Observatory-Principal";
    public const string TierHeader = "X-Observatory-Tier";
    public const string KeyPrefixHeader = "X-Observatory-Key-Prefix";
    public const string ClientIpHeader = "X-Observatory-Client-Ip";
    public const string TimestampHeader = "X-Observatory-Identity-Timestamp";
    public const string SignatureHeader = "X-Observatory-Identity-Signature";

    public static readonly string[] AllHeaders = [PrincipalHeader, TierHeader, KeyPrefixHeader, ClientIpHeader, TimestampHeader, SignatureHeader];

    public static string Sign(string secret, string principal, string tier, string keyPrefix, string clientIp, long unixSeconds)
    {
        var material = string.Join('\n', principal, tier, keyPrefix, clientIp, unixSeconds.ToString(CultureInfo.InvariantCulture));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(material));
        return Convert.ToBase64String(mac);
    }

    public static CallerIdentity Resolve(IHeaderDictionary headers, string? remoteIp, ForwardedIdentityOptions options, DateTimeOffset now)
    {
        string Header(string name) => headers[name].ToString();
        var clientIp = remoteIp;
        if (string.IsNullOrEmpty(options.IdentitySecret)) return CallerIdentity.Public(clientIp);

        var signature = Header(SignatureHeader);
        if (signature.Length == 0 || !long.TryParse(Header(TimestampHeader), NumberStyles.Integer, CultureInfo.InvariantCulture, out var timestamp))
            return CallerIdentity.Public(clientIp);
        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > options.MaxAge.TotalSeconds) return CallerIdentity.Public(clientIp);

        var principal = Header(PrincipalHeader);
        var tier = Header(TierHeader);
        var keyPrefix = Header(KeyPrefixHeader);
        var forwardedIp = Header(ClientIpHeader);
        var expected = Sign(options.IdentitySecret, principal, tier, keyPrefix, forwardedIp, timestamp);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
            return CallerIdentity.Public(clientIp);

        clientIp = forwardedIp.Length > 0 ? forwardedIp : clientIp;
        if (tier is not (Tiers.Standard or Tiers.Partner or Tiers.Admin) || principal.Length == 0)
            return CallerIdentity.Public(clientIp);
        return new CallerIdentity(principal, tier, keyPrefix.Length > 0 ? keyPrefix : null, clientIp);
    }
}
