using Observatory.ApiService.Identity;
using Observatory.Identity;

namespace Observatory.Tests.Infrastructure;

/// <summary>Signs identity headers the way the gateway does, for tests that call the ApiService directly.</summary>
public static class CallerHeaders
{
    public static HttpRequestMessage As(this HttpRequestMessage request, string principal, string tier = Tiers.Standard,
        string secret = InProcessStack.IdentitySecret, string keyPrefix = "obs_test", string clientIp = "127.0.0.1")
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        request.Headers.Add(ForwardedIdentity.PrincipalHeader, principal);
        request.Headers.Add(ForwardedIdentity.TierHeader, tier);
        request.Headers.Add(ForwardedIdentity.KeyPrefixHeader, keyPrefix);
        request.Headers.Add(ForwardedIdentity.ClientIpHeader, clientIp);
        request.Headers.Add(ForwardedIdentity.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(ForwardedIdentity.SignatureHeader, ForwardedIdentity.Sign(secret, principal, tier, keyPrefix, clientIp, timestamp));
        return request;
    }
}
