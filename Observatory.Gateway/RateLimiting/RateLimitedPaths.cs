namespace Observatory.Gateway.RateLimiting;

/// <summary>Which requests count against a tier (CONTRACT §6): everything under <c>/api/</c> and <c>/examples</c>;
/// never <c>/health</c>, <c>/alive</c>, <c>/metrics</c>, <c>/docs</c>, <c>/openapi</c> or the UI's files. Matched
/// case-insensitively, as routing is, so <c>/API/…</c> cannot slip past the limiter into the proxy.</summary>
public static class RateLimitedPaths
{
    private static readonly PathString Api = new("/api");
    private static readonly PathString Examples = new("/examples");

    public static bool IsCounted(PathString path) =>
        (path.StartsWithSegments(Api, StringComparison.OrdinalIgnoreCase, out var rest) && rest.HasValue)
        || path.StartsWithSegments(Examples, StringComparison.OrdinalIgnoreCase);
}
