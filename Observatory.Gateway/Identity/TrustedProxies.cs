using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Observatory.Gateway.Identity;

/// <summary>Public callers are told apart (and rate limited) by address, so <c>X-Forwarded-For</c> is believed only
/// from the proxies named in <c>Observatory:Auth:TrustedProxies</c> (addresses or CIDR ranges). This replaces the
/// trust-everyone setting <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> would otherwise apply.</summary>
public sealed class TrustedProxies(IOptions<GatewayAuthOptions> auth) : IPostConfigureOptions<ForwardedHeadersOptions>
{
    public void PostConfigure(string? name, ForwardedHeadersOptions options)
    {
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        // With both lists empty the middleware would believe every sender, so no trusted proxy means no forwarding.
        options.ForwardedHeaders = auth.Value.TrustedProxies.Count == 0
            ? ForwardedHeaders.None
            : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        foreach (var entry in auth.Value.TrustedProxies)
        {
            if (entry.Contains('/') && System.Net.IPNetwork.TryParse(entry, out var network)) options.KnownIPNetworks.Add(network);
            else if (IPAddress.TryParse(entry, out var address)) options.KnownProxies.Add(address);
            else throw new OptionsValidationException(GatewayAuthOptions.Section, typeof(GatewayAuthOptions),
                [$"Observatory:Auth:TrustedProxies: '{entry}' is neither an IP address nor a CIDR range."]);
        }
    }
}
