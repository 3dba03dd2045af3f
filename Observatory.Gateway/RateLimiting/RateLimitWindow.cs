namespace Observatory.Gateway.RateLimiting;

/// <summary>The two windows every limited tier is counted in.</summary>
public enum RateLimitWindow
{
    /// <summary>The rolling 60 seconds before the request.</summary>
    Minute,

    /// <summary>The current UTC day; it rolls at UTC midnight.</summary>
    Day,
}
