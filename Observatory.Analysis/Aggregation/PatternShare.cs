namespace Observatory.Analysis.Aggregation;

/// <summary>A detected pattern kind (<see cref="PatternKinds"/>) and the share (0..1] of a batch's conversations showing it.</summary>
public sealed record PatternShare
{
    public required string Pattern { get; init; }

    public required double Share { get; init; }
}
