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

    /// <summary>Question sentences across all messages (<see cref="Questions"/> counts question messages).</summary>
    public int QuestionSentences { get; init; }

    /// <summary>Question-like sentences not counted as questions ("Why not.", "Who cares.").</summary>
    public int Rhetorical { get; init; }

    /// <summary>Indices of question messages no later message answered, ascending.</summary>
    public IReadOnlyList<int> Unanswered { get; init; } = [];

    /// <summary>The move of every message that makes one, ascending by index.</summary>
    public IReadOnlyList<DialecticMoveMark> ByMessage { get; init; } = [];
}

/// <summary>The argumentative move one message makes.</summary>
public sealed record DialecticMoveMark
{
    public required int Index { get; init; }

    /// <summary>claim | challenge | concession | clarification | synthesis.</summary>
    public required string Move { get; init; }
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
