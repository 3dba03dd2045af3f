namespace Observatory.Data.Analyses;

/// <summary>The normalized conversation awaiting analysis. Deleted in the same transaction that makes the
/// analysis terminal, so conversation text is never kept longer than the work needs it.</summary>
public sealed class AnalysisPayload
{
    public Guid AnalysisId { get; set; }
    public string ConversationJson { get; set; } = "";
}
