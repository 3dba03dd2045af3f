using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Observatory.Identity;

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

    /// <summary>Checks the signed identity headers. False when any is missing, stale or forged.</summary>
    public static bool TryVerify(IHeaderDictionary headers, string secret, TimeSpan maxAge, DateTimeOffset now, out SignedIdentity identity)
    {
        identity = default;
        string Header(string name) => headers[name].ToString();
        var signature = Header(SignatureHeader);
        if (signature.Length == 0 || !long.TryParse(Header(TimestampHeader), NumberStyles.Integer, CultureInfo.InvariantCulture, out var timestamp))
            return false;
        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > maxAge.TotalSeconds) return false;

        var principal = Header(PrincipalHeader);
        var tier = Header(TierHeader);
        var keyPrefix = Header(KeyPrefixHeader);
        var clientIp = Header(ClientIpHeader);
        var expected = Sign(secret, principal, tier, keyPrefix, clientIp, timestamp);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature))) return false;
        identity = new SignedIdentity(principal, tier, keyPrefix, clientIp);
        return true;
    }

    /// <summary>Writes the signed headers for <paramref name="identity"/>, replacing any a client sent.</summary>
    public static void Write(IHeaderDictionary headers, string secret, SignedIdentity identity, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds();
        headers[PrincipalHeader] = identity.Principal;
        headers[TierHeader] = identity.Tier;
        headers[KeyPrefixHeader] = identity.KeyPrefix;
        headers[ClientIpHeader] = identity.ClientIp;
        headers[TimestampHeader] = timestamp.ToString(CultureInfo.InvariantCulture);
        headers[SignatureHeader] = Sign(secret, identity.Principal, identity.Tier, identity.KeyPrefix, identity.ClientIp, timestamp);
    }
}

/// <summary>What the gateway vouches for: empty strings for absent values (public callers have no principal).</summary>
public readonly record struct SignedIdentity(string Principal, string Tier, string KeyPrefix, string ClientIp);
