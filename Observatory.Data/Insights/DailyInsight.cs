namespace Observatory.Data.Insights;

/// <summary>
/// One UTC day's aggregate for one principal (CONTRACT §7, <c>GET /api/v1/insights</c>), kept forever. Rolled up by
/// the retention sweeper from the analyses' digests once the day is over, before retention can remove them; the
/// current day is computed live.
/// </summary>
public sealed class DailyInsight
{
    public DateOnly Day { get; set; }

    /// <summary>The principal; empty for analyses created by public callers.</summary>
    public string Owner { get; set; } = "";

    public int Analyses { get; set; }
    public int Completed { get; set; }
    public int Failed { get; set; }
    public int Cancelled { get; set; }

    /// <summary>Sum and count of overall sentiment, so days (and principals) can be combined into a mean.</summary>
    public double SentimentSum { get; set; }
    public int SentimentCount { get; set; }

    /// <summary>Completed analyses that used the LLM.</summary>
    public int LlmUsed { get; set; }

    /// <summary>How many completed analyses showed each pattern kind, as a JSON object (kind → count).</summary>
    public string PatternCountsJson { get; set; } = "{}";
}
