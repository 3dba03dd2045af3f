using System.Text;
using System.Text.Json;
using Observatory.Contracts.Json;

namespace Observatory.Contracts.Webhooks;

/// <summary>The body of a webhook event (CONTRACT §5):
/// <c>{ "id": "evt_…", "type", "created_at", "data": {…resource…} }</c>, where <c>data</c> is the resource exactly
/// as the API's GET of it returns it.</summary>
public static class WebhookEnvelope
{
    /// <summary>The JSON settings the ApiService answers with (snake_case, RFC 3339 UTC times, metadata keys as
    /// given), so <c>data</c> reads the same as the GET of the resource.</summary>
    public static readonly JsonSerializerOptions ResourceJson = CreateResourceJson();

    /// <summary>Serializes <paramref name="resource"/> with <see cref="ResourceJson"/>.</summary>
    public static string SerializeResource<T>(T resource) => JsonSerializer.Serialize(resource, ResourceJson);

    /// <summary>The body text, with <paramref name="dataJson"/> (already-serialized resource JSON) embedded verbatim.</summary>
    public static string Write(string eventId, string type, DateTimeOffset createdAt, string dataJson)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", eventId);
            writer.WriteString("type", type);
            writer.WritePropertyName("created_at");
            JsonSerializer.Serialize(writer, createdAt, ResourceJson);
            writer.WritePropertyName("data");
            writer.WriteRawValue(dataJson);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static JsonSerializerOptions CreateResourceJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ResourceJsonConventions.Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
