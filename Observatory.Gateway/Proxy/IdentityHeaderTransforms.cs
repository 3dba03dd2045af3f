namespace Observatory.Gateway.Proxy;

/// <summary>Identity reaches the ApiService only in headers the gateway itself writes and signs; whatever a client
/// sends under those names is dropped before forwarding.</summary>
public static class IdentityHeaderTransforms
{
    public static readonly string[] IdentityHeaders =
    [
        "X-Observatory-Principal", "X-Observatory-Tier", "X-Observatory-Key-Prefix",
        "X-Observatory-Client-Ip", "X-Observatory-Identity-Timestamp", "X-Observatory-Identity-Signature",
    ];

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> StripClientSuppliedIdentity { get; } =
        IdentityHeaders.Select(h => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["RequestHeaderRemove"] = h }).ToList();
}
