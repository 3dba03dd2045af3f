namespace Observatory.Analysis;

/// <summary><c>engine</c> in the result: which engine produced it and whether a language model helped.</summary>
public sealed record EngineSummary
{
    public required string Version { get; init; }

    /// <summary>The host replaces this (with <c>with</c>) when it calls a language model.</summary>
    public required LlmUsage Llm { get; init; }

    public static EngineSummary BuiltIn { get; } = new() { Version = EngineInfo.Version, Llm = LlmUsage.NotConfigured };
}
