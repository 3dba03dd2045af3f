namespace Observatory.Analysis;

/// <summary>What the engine noticed about hostile or sensitive content.</summary>
public sealed record SecurityFindings
{
    public required PromptInjectionFindings PromptInjection { get; init; }

    /// <summary>Number of PII values replaced ([EMAIL], [PHONE], …) in quoted text of the result.</summary>
    public required int PiiRedacted { get; init; }

    /// <summary>Personal data found in the conversation itself (e-mail addresses, phone and card numbers, IPs,
    /// secrets), whether or not any result text quotes it: the transcript's exposure.</summary>
    public int PiiFound { get; init; }
}

public sealed record PromptInjectionFindings
{
    public required bool Suspected { get; init; }

    /// <summary>Indices of the messages that look like prompt injection.</summary>
    public required IReadOnlyList<int> Indices { get; init; }

    /// <summary>What was seen where: one entry per message and kind, ordered by index then kind.</summary>
    public IReadOnlyList<PromptInjectionSignal> Signals { get; init; } = [];
}

/// <summary>One kind of injection evidence in one message. Flagged for the researcher, never a reason to reject.</summary>
public sealed record PromptInjectionSignal
{
    public required int Index { get; init; }

    /// <summary>instruction_override | role_hijack | prompt_exfiltration | fake_role_marker | hidden_text.</summary>
    public required string Kind { get; init; }

    /// <summary>
    /// True when every occurrence of this kind in the message is quoted or discussed (inside quotation marks, or in a
    /// message about prompt injection, jailbreaks, red teaming…) rather than addressed to the model: lower confidence.
    /// </summary>
    public required bool Quoted { get; init; }
}
