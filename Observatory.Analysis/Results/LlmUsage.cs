namespace Observatory.Analysis;

/// <summary>Whether and how a language model took part in an analysis.</summary>
public sealed record LlmUsage
{
    public required bool Used { get; init; }

    public required string? Model { get; init; }

    /// <summary>Why the model was or was not used (e.g. "not configured", "disabled by request").</summary>
    public required string? Reason { get; init; }

    public required int InputTokens { get; init; }

    public required int OutputTokens { get; init; }

    public required long LatencyMs { get; init; }

    /// <summary>The engine's own value: no model involved.</summary>
    public static LlmUsage NotConfigured { get; } = new()
    {
        Used = false,
        Model = null,
        Reason = "not configured",
        InputTokens = 0,
        OutputTokens = 0,
        LatencyMs = 0,
    };
}
