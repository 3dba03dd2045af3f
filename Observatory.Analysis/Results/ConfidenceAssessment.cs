using System.Text.Json.Serialization;
using Observatory.Analysis.Json;

namespace Observatory.Analysis;

/// <summary>How much the result can be trusted.</summary>
public sealed record ConfidenceAssessment
{
    /// <summary>0..1.</summary>
    public required double Score { get; init; }

    public required ConfidenceLevel Level { get; init; }

    public required ConfidenceComponents Components { get; init; }
}

/// <summary>The parts the confidence score is made of (each 0..1).</summary>
public sealed record ConfidenceComponents
{
    public required double Length { get; init; }

    public required double Clarity { get; init; }

    /// <summary>Without a language model: agreement between independent signals; with one, the model's certainty.</summary>
    public required double? ModelCertainty { get; init; }
}

[JsonConverter(typeof(SnakeCaseEnumConverter<ConfidenceLevel>))]
public enum ConfidenceLevel
{
    Low,
    Medium,
    High,
}
