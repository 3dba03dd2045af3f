namespace Observatory.Analysis;

public sealed record Theme
{
    public required string Label { get; init; }

    public required double Weight { get; init; }

    public required IReadOnlyList<int> MessageIndices { get; init; }
}
