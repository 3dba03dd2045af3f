namespace Observatory.ServiceDefaults;

/// <summary>Tags with a meaning for <c>MapDefaultEndpoints</c>.</summary>
public static class HealthCheckTags
{
    /// <summary>
    /// Checks tagged "live" also run for <c>/alive</c>. Only tag checks whose failure means the process itself must be
    /// restarted; dependency checks (database, Redis) belong to readiness (<c>/health</c>) only.
    /// </summary>
    public const string Live = "live";
}
