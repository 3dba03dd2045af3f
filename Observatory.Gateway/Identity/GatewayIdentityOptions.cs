namespace Observatory.Gateway.Identity;

/// <summary>Bound from <c>Observatory:Gateway</c>: the secret that signs the identity forwarded to the ApiService
/// (the same value the ApiService verifies with).</summary>
public sealed class GatewayIdentityOptions
{
    public const string Section = "Observatory:Gateway";

    public string? IdentitySecret { get; set; }
}
