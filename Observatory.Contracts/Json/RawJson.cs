using System.Text.Json;
using System.Text.Json.Serialization;

namespace Observatory.Contracts.Json;

/// <summary>JSON text stored by the worker (a result) or the API (metadata) and sent back verbatim: re-parsing a
/// result of 10,000 messages on every read would cost time and change nothing.</summary>
[JsonConverter(typeof(RawJsonConverter))]
public sealed record RawJson(string Text);

public sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new RawJson(document.RootElement.GetRawText());
    }

    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Text, skipInputValidation: true);
}
