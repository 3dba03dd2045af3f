using System.Text.Json.Serialization;
using Observatory.Analysis.Json;

namespace Observatory.Analysis;

/// <summary>A message worth pointing out, with a redacted excerpt and the reason it was picked.</summary>
public sealed record KeyMoment
{
    public required int Index { get; init; }

    public required KeyMomentKind Kind { get; init; }

    public required string Excerpt { get; init; }

    public required string Reason { get; init; }
}

[JsonConverter(typeof(SnakeCaseEnumConverter<KeyMomentKind>))]
public enum KeyMomentKind
{
    TurningPoint,
    Breakthrough,
    Conflict,
    Agreement,
    Escalation,
    Resolution,
    Question,
}
