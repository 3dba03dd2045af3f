using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Observatory.Identity;

namespace Observatory.Gateway.Identity;

/// <summary>Establishes who is calling (CONTRACT §6) and stores it as the request's <see cref="GatewayCaller"/>:
/// no credential → public, keyed by client address; the admin key → admin; <c>obs_…</c> in
/// <c>Authorization: Bearer</c> or <c>X-API-Key</c> → the key's tier; any other bearer token → a partner JWT.
/// A credential that is wrong, expired or revoked is a 401 — never a silent fall-back to public.</summary>
public sealed partial class CallerAuthentication(
    RequestDelegate next, KeyDirectory keys, PartnerTokenValidator partnerTokens, IOptions<GatewayAuthOptions> options, ILogger<CallerAuthentication> logger)
{
    private readonly byte[]? _adminKey = string.IsNullOrEmpty(options.Value.AdminKey) ? null : Encoding.UTF8.GetBytes(options.Value.AdminKey);

    public async Task InvokeAsync(HttpContext context)
    {
        var clientIp = context.Connection.RemoteIpAddress?.ToString() ?? IPAddress.Loopback.ToString();
        var credential = ReadCredential(context.Request);
        if (credential is null)
        {
            context.Features.Set(GatewayCaller.Public(clientIp));
            await next(context);
            return;
        }

        var (caller, problem) = await AuthenticateAsync(credential, clientIp, context.RequestAborted);
        if (caller is null)
        {
            LogRejected(logger, problem!);
            await RejectAsync(context, problem!);
            return;
        }
        context.Features.Set(caller);
        await next(context);
    }

    private async Task<(GatewayCaller? Caller, string? Problem)> AuthenticateAsync(string credential, string clientIp, CancellationToken cancellationToken)
    {
        if (_adminKey is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(credential), _adminKey))
            return (new GatewayCaller(CallerTiers.Admin, "admin", "admin", "admin", clientIp), null);

        if (credential.StartsWith(ApiKeyFormat.Marker, StringComparison.Ordinal))
        {
            if (!ApiKeyFormat.IsWellFormed(credential)) return (null, "the API key is malformed");
            var entry = await keys.FindAsync(ApiKeyFormat.Hash(credential), cancellationToken);
            if (entry is null) return (null, "the API key is unknown or revoked");
            var principal = KeyProjection.PrincipalOf(entry.Id);
            return (new GatewayCaller(entry.Tier, principal, principal, entry.Prefix, clientIp), null);
        }

        if (credential.Count(c => c == '.') == 2)
        {
            var (subject, problem) = await partnerTokens.ValidateAsync(credential, cancellationToken);
            if (subject is null) return (null, problem);
            var principal = $"jwt:{subject}";
            return (new GatewayCaller(CallerTiers.Partner, principal, principal, null, clientIp), null);
        }
        return (null, "the credential is not an API key, the admin key or a partner token");
    }

    private static string? ReadCredential(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
            return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : authorization.Trim();
        var apiKey = request.Headers["X-API-Key"].ToString().Trim();
        return apiKey.Length > 0 ? apiKey : null;
    }

    private static Task RejectAsync(HttpContext context, string problem)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = BearerChallenge.InvalidToken(problem);
        return Results.Problem(statusCode: 401, title: "Invalid credentials.", detail: $"The request was refused: {problem}.",
            type: "https://observatory.dev/problems/invalid-credentials").ExecuteAsync(context);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a credential: {Problem}")]
    private static partial void LogRejected(ILogger logger, string problem);
}
