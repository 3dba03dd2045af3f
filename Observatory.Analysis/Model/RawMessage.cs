namespace Observatory.Analysis;

/// <summary>
/// A message exactly as a client sent it (the "messages" input form), before normalization. Content made of parts
/// should be flattened first, e.g. with <see cref="MessageContent.JoinParts"/>.
/// </summary>
public sealed record RawMessage(string? Speaker, string? Role, string? Content, DateTimeOffset? Timestamp);
