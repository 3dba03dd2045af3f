namespace Observatory.Analysis.Dialectic;

/// <summary>The one argumentative move a message makes (its strongest marker wins; see <see cref="MoveClassifier"/>).</summary>
internal enum DialecticMove
{
    None,
    Claim,
    Challenge,
    Concession,
    Clarification,
    Synthesis,
}

internal static class DialecticMoveNames
{
    /// <summary>The JSON name of a move, as in <c>moves</c> and <c>by_message</c>.</summary>
    public static string Of(DialecticMove move) => move switch
    {
        DialecticMove.Claim => "claim",
        DialecticMove.Challenge => "challenge",
        DialecticMove.Concession => "concession",
        DialecticMove.Clarification => "clarification",
        DialecticMove.Synthesis => "synthesis",
        _ => "none",
    };
}
