using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Observatory.ApiService.Identity;
using Observatory.Identity;

namespace Observatory.ApiService.Keys;

/// <summary>The gateway's fallback when its Redis projection has no entry for a key hash (e.g. Redis lost its
/// data). Not routed by the gateway; callable only with the gateway's signed identity (<c>tier: internal</c>).</summary>
public static class InternalKeysApi
{
    public const string InternalTier = "internal";

    public static IEndpointRouteBuilder MapInternalKeysApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/internal/keys/{hash}", LookupAsync).ExcludeFromDescription();
        return routes;
    }

    internal static async Task<Results<Ok<KeyProjection.Entry>, NotFound, UnauthorizedHttpResult>> LookupAsync(
        string hash, HttpRequest request, IOptions<ForwardedIdentityOptions> options, TimeProvider clock, ApiKeyIssuer keys, CancellationToken cancellationToken)
    {
        var secret = options.Value.IdentitySecret;
        if (string.IsNullOrEmpty(secret)
            || !ForwardedIdentity.TryVerify(request.Headers, secret, options.Value.MaxAge, clock.GetUtcNow(), out var signed)
            || signed.Tier != InternalTier)
            return TypedResults.Unauthorized();
        var entry = await keys.FindActiveAsync(hash, cancellationToken);
        return entry is null ? TypedResults.NotFound() : TypedResults.Ok(entry);
    }
}
