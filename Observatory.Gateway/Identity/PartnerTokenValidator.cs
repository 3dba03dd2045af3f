using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Observatory.Gateway.Identity;

/// <summary>Validates partner JWTs (CONTRACT §6): signature (HS256 shared key, or the authority's JWKS), issuer,
/// audience, exp/nbf, and claim <c>tier: partner</c>.</summary>
public sealed class PartnerTokenValidator
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly TokenValidationParameters? _parameters;
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? _authority;

    public PartnerTokenValidator(IOptions<GatewayAuthOptions> options)
    {
        var jwt = options.Value.Jwt;
        if (string.IsNullOrEmpty(jwt.SigningKey) && string.IsNullOrEmpty(jwt.Authority)) return;
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = jwt.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            IssuerSigningKey = string.IsNullOrEmpty(jwt.SigningKey) ? null : new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(jwt.SigningKey)),
            ValidAlgorithms = string.IsNullOrEmpty(jwt.SigningKey) ? null : [SecurityAlgorithms.HmacSha256],
        };
        if (!string.IsNullOrEmpty(jwt.Authority))
        {
            _authority = new ConfigurationManager<OpenIdConnectConfiguration>(
                jwt.Authority.TrimEnd('/') + "/.well-known/openid-configuration", new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever { RequireHttps = jwt.Authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase) });
        }
    }

    public bool IsConfigured => _parameters is not null;

    /// <summary>The token's subject when it is a valid partner token; otherwise null and a reason.</summary>
    public async Task<(string? Subject, string? Problem)> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (_parameters is null) return (null, "partner tokens are not accepted by this deployment");
        var parameters = _parameters;
        if (_authority is not null)
        {
            var configuration = await _authority.GetConfigurationAsync(cancellationToken);
            parameters = parameters.Clone();
            parameters.IssuerSigningKeys = configuration.SigningKeys;
        }
        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid) return (null, result.Exception is SecurityTokenExpiredException ? "the token has expired" : "the token is not valid");
        if (!result.Claims.TryGetValue("tier", out var tier) || tier?.ToString() != CallerTiers.Partner)
            return (null, "the token does not carry tier: partner");
        if (!result.Claims.TryGetValue("sub", out var subject) || string.IsNullOrEmpty(subject?.ToString()))
            return (null, "the token has no subject");
        return (subject.ToString(), null);
    }
}
