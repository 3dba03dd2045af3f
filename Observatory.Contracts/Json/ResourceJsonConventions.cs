using System.Text.Json;

namespace Observatory.Contracts.Json;

/// <summary>How resources are written on the wire (snake_case names, caller metadata keys as given, UTC timestamps):
/// one definition for the API's answers and the webhook events that carry the same resources.</summary>
public static class ResourceJsonConventions
{
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new UtcTimestampConverter());
    }
}
