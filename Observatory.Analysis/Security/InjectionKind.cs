namespace Observatory.Analysis.Security;

/// <summary>The fixed set of prompt-injection evidence kinds reported in <c>security.prompt_injection.signals</c>.</summary>
[Flags]
internal enum InjectionKind
{
    None = 0,

    /// <summary>"ignore (all) previous instructions", "disregard the above", "forget your rules", "note to the AI: …".</summary>
    InstructionOverride = 1,

    /// <summary>"you are now DAN", "act as the system", "from now on you will", "enable developer mode".</summary>
    RoleHijack = 1 << 1,

    /// <summary>"reveal your system prompt", "what are your instructions", "repeat everything above".</summary>
    PromptExfiltration = 1 << 2,

    /// <summary>Chat-template or role markers inside content: "&lt;|im_start|&gt;system", "[INST]", "### System:".</summary>
    FakeRoleMarker = 1 << 3,

    /// <summary>Text a reader cannot see: zero-width characters, Unicode tag characters, bidi overrides, base64 blobs
    /// carrying instructions, HTML comments or invisibly styled elements addressed to a model.</summary>
    HiddenText = 1 << 4,
}

internal static class InjectionKindNames
{
    /// <summary>Kinds in output order.</summary>
    public static readonly InjectionKind[] All =
    [
        InjectionKind.InstructionOverride, InjectionKind.RoleHijack, InjectionKind.PromptExfiltration,
        InjectionKind.FakeRoleMarker, InjectionKind.HiddenText,
    ];

    public static string Of(InjectionKind kind) => kind switch
    {
        InjectionKind.InstructionOverride => "instruction_override",
        InjectionKind.RoleHijack => "role_hijack",
        InjectionKind.PromptExfiltration => "prompt_exfiltration",
        InjectionKind.FakeRoleMarker => "fake_role_marker",
        InjectionKind.HiddenText => "hidden_text",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a single injection kind."),
    };
}
