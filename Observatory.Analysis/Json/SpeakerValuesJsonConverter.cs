using System.Text.Json;
using System.Text.Json.Serialization;

namespace Observatory.Analysis.Json;

/// <summary>Writes <see cref="SpeakerValues"/> as a JSON object in its stored order; reads it back in document order.</summary>
public sealed class SpeakerValuesJsonConverter : JsonConverter<SpeakerValues>
{
    public override SpeakerValues Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an object of speaker → number.");
        }

        var entries = new List<KeyValuePair<string, double>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string speaker = reader.GetString() ?? throw new JsonException("Speaker name missing.");
            if (!seen.Add(speaker))
            {
                throw new JsonException($"Speaker '{speaker}' occurs more than once.");
            }

            reader.Read();
            entries.Add(new KeyValuePair<string, double>(speaker, reader.GetDouble()));
        }

        return new SpeakerValues(entries);
    }

    public override void Write(Utf8JsonWriter writer, SpeakerValues value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach ((string speaker, double number) in value)
        {
            writer.WritePropertyName(speaker);
            writer.WriteNumberValue(number);
        }

        writer.WriteEndObject();
    }
}
