using Microsoft.Extensions.Options;
using Observatory.Identity;
using Yarp.ReverseProxy.Transforms;

namespace Observatory.Gateway.Identity;

/// <summary>Replaces whatever identity headers a client sent with the caller the gateway established, signed with
/// the shared secret so the ApiService can tell them from forgeries.</summary>
public sealed class SignedIdentityTransform(IOptions<GatewayIdentityOptions> options, TimeProvider clock) : RequestTransform
{
    public override ValueTask ApplyAsync(RequestTransformContext context)
    {
        foreach (var header in ForwardedIdentity.AllHeaders) context.ProxyRequest.Headers.Remove(header);
        var secret = options.Value.IdentitySecret;
        var caller = context.HttpContext.Features.Get<GatewayCaller>();
        if (string.IsNullOrEmpty(secret) || caller is null) return ValueTask.CompletedTask;

        var headers = new HeaderDictionary();
        ForwardedIdentity.Write(headers, secret,
            new SignedIdentity(caller.Principal ?? "", caller.Tier, caller.KeyPrefix ?? "", caller.ClientIp), clock.GetUtcNow());
        foreach (var (name, value) in headers) context.ProxyRequest.Headers.TryAddWithoutValidation(name, value.ToString());
        return ValueTask.CompletedTask;
    }
}
