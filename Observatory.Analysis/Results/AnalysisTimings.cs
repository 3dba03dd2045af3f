namespace Observatory.Analysis;

/// <summary>Milliseconds spent waiting and analyzing. The engine has no clock: it writes zeros and the host fills these in.</summary>
public sealed record AnalysisTimings
{
    public required long QueueMs { get; init; }

    public required long AnalysisMs { get; init; }

    public static AnalysisTimings Zero { get; } = new() { QueueMs = 0, AnalysisMs = 0 };
}
