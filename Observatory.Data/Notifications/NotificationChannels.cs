namespace Observatory.Data.Notifications;

/// <summary>PostgreSQL NOTIFY channels. A notification is sent inside the transaction that makes the change, so
/// listeners hear about it exactly when it becomes visible (on commit) and never about a rolled-back change.</summary>
public static class NotificationChannels
{
    /// <summary>Payload: the analysis id. Sent on every status or progress change.</summary>
    public const string AnalysisChanged = "analysis_changed";

    /// <summary>Payload: the analysis id. Sent when a queued or running analysis is cancelled, so the worker
    /// running it can stop.</summary>
    public const string AnalysisCancelled = "analysis_cancelled";
}
