namespace Observatory.Analysis.Recursive;

/// <summary>A repeated message or phrase before ranking; <see cref="Members"/> are the message indices, ascending.</summary>
internal sealed record LoopCandidate(string Kind, string Phrase, IReadOnlyList<int> Members)
{
    public const string MessageKind = "message";
    public const string PhraseKind = "phrase";

    public int Start => Members[0];

    public int End => Members[^1];

    public RepetitionLoop ToLoop() => new()
    {
        StartIndex = Start,
        EndIndex = End,
        Phrase = Phrase,
        Occurrences = Members.Count,
        Kind = Kind,
        Indices = Members,
    };
}
