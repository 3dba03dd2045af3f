namespace Observatory.Analysis;

/// <summary>
/// <c>patterns</c> in the result: one entry per family, null when the family was not requested (or the engine
/// does not compute it yet). Always serialized, so clients see every key.
/// </summary>
public sealed record PatternResults
{
    public required DialecticPattern? Dialectic { get; init; }

    public required SentimentPattern? Sentiment { get; init; }

    public required TopicsPattern? Topics { get; init; }

    public required DynamicsPattern? Dynamics { get; init; }

    public required RecursivePattern? Recursive { get; init; }
}
