using Observatory.Identity;

namespace Observatory.ApiService.Identity;

/// <summary>Turns the gateway's signed identity headers into the caller. Without a configured secret, or without a
/// valid signature, the caller is public — a direct call to the ApiService can never claim an identity.</summary>
public static class CallerIdentityResolver
{
    public static CallerIdentity Resolve(IHeaderDictionary headers, string? remoteIp, ForwardedIdentityOptions options, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(options.IdentitySecret)
            || !ForwardedIdentity.TryVerify(headers, options.IdentitySecret, options.MaxAge, now, out var signed))
            return CallerIdentity.Public(remoteIp);

        var clientIp = signed.ClientIp.Length > 0 ? signed.ClientIp : remoteIp;
        if (signed.Tier is not (Tiers.Standard or Tiers.Partner or Tiers.Admin) || signed.Principal.Length == 0)
            return CallerIdentity.Public(clientIp);
        return new CallerIdentity(signed.Principal, signed.Tier, signed.KeyPrefix.Length > 0 ? signed.KeyPrefix : null, clientIp);
    }
}
