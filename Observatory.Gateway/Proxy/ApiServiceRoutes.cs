using Yarp.ReverseProxy.Configuration;

namespace Observatory.Gateway.Proxy;

/// <summary>What the gateway forwards to the ApiService. The destination comes from
/// <c>services:apiservice:http:0</c>, the variable Aspire (and <c>./observatory up</c>, and the tests) set.</summary>
public static class ApiServiceRoutes
{
    public const string ClusterId = "apiservice";

    private static readonly (string Id, string Path)[] ForwardedPaths =
    [
        ("api", "/api/{**rest}"),
        ("examples-list", "/examples"),
        ("examples", "/examples/{**rest}"),
        ("admin", "/admin/{**rest}"),
        ("docs-root", "/docs"),
        ("docs", "/docs/{**rest}"),
        ("openapi", "/openapi/{**rest}"),
    ];

    public static IReadOnlyList<RouteConfig> Routes { get; } = ForwardedPaths
        .Select(p => new RouteConfig
        {
            RouteId = p.Id,
            ClusterId = ClusterId,
            Match = new RouteMatch { Path = p.Path },
        })
        .ToList();

    public static string ResolveAddress(IConfiguration configuration) =>
        configuration["services:apiservice:http:0"] ?? configuration["services:apiservice:https:0"]
        ?? throw new InvalidOperationException("services:apiservice:http:0 is not configured: the gateway does not know where the ApiService is.");

    public static IReadOnlyList<ClusterConfig> Clusters(IConfiguration configuration) =>
    [
        new ClusterConfig
        {
            ClusterId = ClusterId,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                ["apiservice-0"] = new() { Address = ResolveAddress(configuration) },
            },
            HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(100) },
        },
    ];
}
