using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Observatory.Analysis.Json;

/// <summary>
/// Writes instants as RFC 3339 UTC ("2025-05-01T10:04:12Z", fraction only when present), as the contract requires;
/// the default writer would print "+00:00" or the original offset.
/// </summary>
public sealed class UtcTimestampJsonConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
