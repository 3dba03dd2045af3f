namespace Observatory.ApiService.Webhooks;

/// <summary>The part of <c>Observatory:Webhooks</c> the API needs to judge a <c>callback_url</c> (the worker binds
/// the same section for delivery, so both ends agree).</summary>
public sealed class CallbackUrlOptions
{
    public const string Section = "Observatory:Webhooks";

    /// <summary>Accept callbacks to loopback, private, link-local and other non-public addresses, and plain http.
    /// Defaults to true in the Development environment only (<c>./observatory up</c> runs Development).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>How long resolving a callback host may take before the URL is refused.</summary>
    public TimeSpan ResolveTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
