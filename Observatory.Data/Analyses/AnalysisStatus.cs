namespace Observatory.Data.Analyses;

/// <summary>Lifecycle of one analysis. Stored as lower-case text so SQL and the API agree on the spelling.</summary>
public static class AnalysisStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static bool IsTerminal(string status) => status is Completed or Failed or Cancelled;

    public static readonly string[] All = [Queued, Running, Completed, Failed, Cancelled];
}
