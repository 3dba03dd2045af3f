namespace Observatory.Analysis;

/// <summary>A normalized conversation: the only input the analyzer accepts. Build it with
/// <see cref="ConversationNormalizer"/> or <see cref="TranscriptParser"/>.</summary>
public sealed record Conversation(IReadOnlyList<ConversationMessage> Messages);
