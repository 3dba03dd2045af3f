using Observatory.Analysis;

namespace Observatory.ApiService.Examples;

/// <summary><c>GET /examples</c>: the examples that match the filters, and every category there is to filter by.</summary>
public sealed record ExampleList(IReadOnlyList<ExampleSummary> Examples, IReadOnlyList<string> Categories);

/// <summary>One example as listed; <c>messages</c> is the number of normalized messages.</summary>
public sealed record ExampleSummary(
    string Name, string Title, string Category, string Description, IReadOnlyList<string> Tags,
    IReadOnlyList<string> ExpectedPatterns, int Messages);

/// <summary><c>GET /examples/{name}</c>: the listing fields plus the conversation exactly as an analysis of it sees it.</summary>
public sealed record ExampleDetail(
    string Name, string Title, string Category, string Description, IReadOnlyList<string> Tags,
    IReadOnlyList<string> ExpectedPatterns, int Messages, ExampleConversation Conversation);

/// <summary>Shaped like the <c>messages</c> form of a request, so a client can edit it and submit it as its own.</summary>
public sealed record ExampleConversation(IReadOnlyList<ExampleMessage> Messages);

/// <summary>A normalized message: speaker and role filled in (role is human, ai, system or participant), content
/// trimmed, timestamp in UTC or null. <c>index</c> is the position results refer to.</summary>
public sealed record ExampleMessage(int Index, string Speaker, string Role, string Content, DateTimeOffset? Timestamp);

/// <summary>Maps catalog entries to the resources above.</summary>
public static class ExampleResources
{
    public static ExampleSummary ToSummary(ExampleEntry entry) => new(
        entry.Name, entry.Title, entry.Category, entry.Description, entry.Tags, entry.ExpectedPatterns,
        entry.Conversation.Messages.Count);

    public static ExampleDetail ToDetail(ExampleEntry entry) => new(
        entry.Name, entry.Title, entry.Category, entry.Description, entry.Tags, entry.ExpectedPatterns,
        entry.Conversation.Messages.Count,
        new ExampleConversation(entry.Conversation.Messages.Select(ToMessage).ToList()));

    private static ExampleMessage ToMessage(ConversationMessage message) => new(
        message.Index, message.Speaker, RoleName(message.Role), message.Content, message.Timestamp);

    private static string RoleName(SpeakerRole role) => role switch
    {
        SpeakerRole.Human => "human",
        SpeakerRole.Ai => "ai",
        SpeakerRole.System => "system",
        _ => "participant",
    };
}
