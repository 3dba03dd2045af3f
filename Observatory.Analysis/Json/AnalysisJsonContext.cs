using System.Text.Json;
using System.Text.Json.Serialization;

namespace Observatory.Analysis.Json;

/// <summary>Compile-time JSON metadata for the result model: snake_case names, nulls written, UTC timestamps.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(UtcTimestampJsonConverter)])]
[JsonSerializable(typeof(AnalysisResult))]
[JsonSerializable(typeof(Aggregation.ConversationDigest))]
[JsonSerializable(typeof(Aggregation.BatchAggregate))]
internal sealed partial class AnalysisJsonContext : JsonSerializerContext;
