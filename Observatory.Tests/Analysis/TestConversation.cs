using Observatory.Analysis;

namespace Observatory.Tests.Analysis;

/// <summary>Short ways to build normalized conversations for engine tests.</summary>
internal static class TestConversation
{
    public static readonly DateTimeOffset Start = new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Messages without timestamps; the role is inferred from the speaker name.</summary>
    public static Conversation Of(params (string Speaker, string Content)[] messages) =>
        new(messages.Select((m, i) => new ConversationMessage(i, m.Speaker, RoleInference.FromLabel(m.Speaker), m.Content, null)).ToList());

    /// <summary>Messages stamped <see cref="Start"/> + the given seconds (null = no timestamp).</summary>
    public static Conversation Timed(params (string Speaker, int? Seconds, string Content)[] messages) =>
        new(messages.Select((m, i) => new ConversationMessage(
            i, m.Speaker, RoleInference.FromLabel(m.Speaker), m.Content,
            m.Seconds is { } s ? Start.AddSeconds(s) : null)).ToList());

    public static AnalysisResult Analyze(Conversation conversation, params PatternFamily[] patterns) =>
        new ConversationAnalyzer().Analyze(conversation, patterns.Length == 0 ? PatternFamilies.All : patterns.ToHashSet());
}
