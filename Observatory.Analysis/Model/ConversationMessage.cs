namespace Observatory.Analysis;

/// <summary>
/// One normalized message. <paramref name="Index"/> is the 0-based position in <see cref="Conversation.Messages"/>,
/// the index every result refers to. <paramref name="Timestamp"/> is UTC when present.
/// </summary>
public sealed record ConversationMessage(int Index, string Speaker, SpeakerRole Role, string Content, DateTimeOffset? Timestamp);
