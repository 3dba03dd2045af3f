namespace Observatory.Analysis;

/// <summary>What the engine noticed about hostile or sensitive content.</summary>
public sealed record SecurityFindings
{
    public required PromptInjectionFindings PromptInjection { get; init; }

    /// <summary>Number of PII values replaced ([EMAIL], [PHONE], …) in quoted text of the result.</summary>
    public required int PiiRedacted { get; init; }
}

public sealed record PromptInjectionFindings
{
    public required bool Suspected { get; init; }

    /// <summary>Indices of the messages that look like prompt injection.</summary>
    public required IReadOnlyList<int> Indices { get; init; }
}
