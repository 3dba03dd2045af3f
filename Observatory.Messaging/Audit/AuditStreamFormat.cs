using System.Text.Json;
using System.Text.Json.Serialization;
using StackExchange.Redis;

namespace Observatory.Messaging.Audit;

/// <summary>How audit events sit in the Redis stream: one entry per shipped batch, its events a JSON array in the
/// <c>events</c> field. One entry per batch rather than per request keeps the gateway, Redis and the ingesting
/// ApiService to a handful of commands a second under load. Entries of the older one-event form (field <c>e</c>)
/// are still read, so a stream written by an older gateway drains after an upgrade.</summary>
public static class AuditStreamFormat
{
    public const string Stream = "observatory:audit";
    public const string ConsumerGroup = "audit-writers";
    public const string EventsField = "events";
    private const string SingleEventField = "e";

    /// <summary>How long an entry may wait in the stream for an ApiService to store it (an ApiService outage). Older
    /// entries are trimmed as new ones are added: a bound in time rather than in entries, because an entry holds one
    /// request when traffic is light and hundreds when it is heavy.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(6);

    /// <summary>The <c>MINID</c> below which <c>XADD</c> may trim: entry ids start with their Unix time in ms.</summary>
    public static string TrimBelow(DateTimeOffset now) =>
        (now - Retention).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Serialize(IReadOnlyList<AuditEvent> events) =>
        JsonSerializer.Serialize(events, AuditJsonContext.Default.IReadOnlyListAuditEvent);

    /// <summary>The events of one entry's fields; empty when the entry is unreadable (nothing worth keeping).</summary>
    public static IReadOnlyList<AuditEvent> Parse(RedisValue[] fields)
    {
        for (var i = 0; i + 1 < fields.Length; i += 2)
        {
            try
            {
                if (fields[i] == EventsField)
                    return JsonSerializer.Deserialize((string?)fields[i + 1] ?? "[]", AuditJsonContext.Default.IReadOnlyListAuditEvent) ?? [];
                if (fields[i] == SingleEventField && JsonSerializer.Deserialize((string?)fields[i + 1] ?? "null", AuditJsonContext.Default.AuditEvent) is { } single)
                    return [single];
            }
            catch (JsonException)
            {
                return [];
            }
        }
        return [];
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(AuditEvent))]
[JsonSerializable(typeof(IReadOnlyList<AuditEvent>))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
