namespace Observatory.ApiService.Identity;

/// <summary>Bound from <c>Observatory:Gateway</c>. The gateway signs the identity it forwards with
/// <see cref="IdentitySecret"/>; without a secret no forwarded identity is trusted and every caller is public.</summary>
public sealed class ForwardedIdentityOptions
{
    public const string Section = "Observatory:Gateway";

    public string? IdentitySecret { get; set; }

    /// <summary>How old a signed identity may be; bounds replay of captured headers.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(5);
}
