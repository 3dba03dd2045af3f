using System.Text.Json.Serialization;
using Observatory.Analysis.Json;

namespace Observatory.Analysis;

/// <summary>The pattern families a client can request in <c>options.patterns</c>. Serialized lower-case.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<PatternFamily>))]
public enum PatternFamily
{
    Dialectic,
    Sentiment,
    Topics,
    Dynamics,
    Recursive,
}
