using System.Text.Json;
using System.Text.Json.Serialization;

namespace Observatory.Analysis.Json;

/// <summary>Writes enum members as snake_case strings ("ai", "turning_point") and refuses numbers, so the JSON
/// contract never depends on member order.</summary>
public sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
