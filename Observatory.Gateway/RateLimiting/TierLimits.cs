namespace Observatory.Gateway.RateLimiting;

/// <summary>The two budgets of one tier (CONTRACT §6): requests per rolling 60-second window and per UTC day.</summary>
public sealed class TierLimits
{
    public int PerMinute { get; set; }

    public int PerDay { get; set; }
}
