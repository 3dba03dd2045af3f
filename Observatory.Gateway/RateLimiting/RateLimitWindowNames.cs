namespace Observatory.Gateway.RateLimiting;

/// <summary>How the windows appear on the wire and in headers.</summary>
public static class RateLimitWindowNames
{
    /// <summary>The name used on the wire: in <c>RateLimit</c>/<c>RateLimit-Policy</c> and the 429 body's <c>window</c>.</summary>
    public static string ToWireName(this RateLimitWindow window) => window switch
    {
        RateLimitWindow.Minute => "minute",
        RateLimitWindow.Day => "day",
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, null),
    };

    /// <summary>The window's length in seconds (<c>w</c> in <c>RateLimit-Policy</c>).</summary>
    public static int Seconds(this RateLimitWindow window) => window switch
    {
        RateLimitWindow.Minute => 60,
        RateLimitWindow.Day => 86_400,
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, null),
    };
}
