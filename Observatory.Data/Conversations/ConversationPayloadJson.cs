using System.Text.Json;
using System.Text.Json.Serialization;
using Observatory.Analysis;

namespace Observatory.Data.Conversations;

/// <summary>How a normalized conversation is stored between submission and analysis.</summary>
public static class ConversationPayloadJson
{
    public static string Serialize(Conversation conversation)
    {
        var messages = new StoredMessage[conversation.Messages.Count];
        for (var i = 0; i < messages.Length; i++)
        {
            var m = conversation.Messages[i];
            messages[i] = new StoredMessage(m.Speaker, m.Role, m.Content, m.Timestamp);
        }
        return JsonSerializer.Serialize(messages, PayloadJsonContext.Default.StoredMessageArray);
    }

    public static Conversation Deserialize(string json)
    {
        var stored = JsonSerializer.Deserialize(json, PayloadJsonContext.Default.StoredMessageArray) ?? [];
        var messages = new ConversationMessage[stored.Length];
        for (var i = 0; i < stored.Length; i++)
            messages[i] = new ConversationMessage(i, stored[i].Speaker, stored[i].Role, stored[i].Content, stored[i].Timestamp);
        return new Conversation(messages);
    }
}

internal sealed record StoredMessage(string Speaker, SpeakerRole Role, string Content, DateTimeOffset? Timestamp);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
[JsonSerializable(typeof(StoredMessage[]))]
internal sealed partial class PayloadJsonContext : JsonSerializerContext;
