namespace Observatory.Analysis;

/// <summary>Question/answer structure and argumentative moves.</summary>
public sealed record DialecticPattern
{
    public required int Questions { get; init; }

    public required int Answered { get; init; }

    /// <summary>answered / questions (0..1).</summary>
    public required double AnsweredRatio { get; init; }

    public required IReadOnlyList<DialecticExchange> Exchanges { get; init; }

    public required DialecticMoves Moves { get; init; }

    /// <summary>A short name for the overall shape of the exchange; vocabulary defined by the dialectic analysis.</summary>
    public required string Structure { get; init; }
}

/// <summary>A question and the message that answers it (texts are redacted excerpts).</summary>
public sealed record DialecticExchange
{
    public required int QuestionIndex { get; init; }

    public required int AnswerIndex { get; init; }

    public required string Question { get; init; }

    public required string Answer { get; init; }
}

/// <summary>How many messages make each kind of argumentative move.</summary>
public sealed record DialecticMoves
{
    public required int Claim { get; init; }

    public required int Challenge { get; init; }

    public required int Concession { get; init; }

    public required int Clarification { get; init; }

    public required int Synthesis { get; init; }
}
