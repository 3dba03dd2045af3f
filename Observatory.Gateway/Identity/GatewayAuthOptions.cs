namespace Observatory.Gateway.Identity;

/// <summary>Bound from <c>Observatory:Auth</c>.</summary>
public sealed class GatewayAuthOptions
{
    public const string Section = "Observatory:Auth";

    /// <summary>The admin key (CONTRACT §6); without one, no caller is admin.</summary>
    public string? AdminKey { get; set; }

    public JwtSettings Jwt { get; set; } = new();

    /// <summary>Addresses of proxies in front of the gateway whose X-Forwarded-For is believed. Empty: nobody's is.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    public sealed class JwtSettings
    {
        /// <summary>HS256 signing key for partner tokens (UTF-8 text, at least 32 bytes).</summary>
        public string? SigningKey { get; set; }

        /// <summary>OpenID authority whose JWKS signs partner tokens (instead of a shared key).</summary>
        public string? Authority { get; set; }

        public string Issuer { get; set; } = "observatory";
        public string Audience { get; set; } = "observatory-api";
    }
}
