namespace Observatory.ServiceDefaults;

/// <summary>The paths <c>MapDefaultEndpoints</c> maps in every service.</summary>
public static class DefaultEndpointPaths
{
    /// <summary>Readiness: every registered health check.</summary>
    public const string Health = "/health";

    /// <summary>Liveness: only the health checks tagged <see cref="HealthCheckTags.Live"/>.</summary>
    public const string Alive = "/alive";

    /// <summary>Prometheus text exposition of the service's metrics.</summary>
    public const string Metrics = "/metrics";

    /// <summary>Whether a request path is one of these infrastructure endpoints (polled often, not worth tracing).</summary>
    public static bool IsDefaultEndpoint(string? path) =>
        string.Equals(path, Health, StringComparison.OrdinalIgnoreCase)
        || string.Equals(path, Alive, StringComparison.OrdinalIgnoreCase)
        || string.Equals(path, Metrics, StringComparison.OrdinalIgnoreCase);
}
