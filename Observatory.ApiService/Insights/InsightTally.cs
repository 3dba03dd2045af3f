namespace Observatory.ApiService.Insights;

/// <summary>Counts of one or more (day, principal) aggregates, added up; shares are computed only at the end so
/// combining days and principals stays exact.</summary>
public sealed class InsightTally
{
    private readonly Dictionary<string, int> _patterns = new(StringComparer.Ordinal);

    public int Analyses { get; private set; }
    public int Completed { get; private set; }
    public int Failed { get; private set; }
    public int Cancelled { get; private set; }
    public double SentimentSum { get; private set; }
    public int SentimentCount { get; private set; }
    public int LlmUsed { get; private set; }

    public void Add(int analyses, int completed, int failed, int cancelled, double sentimentSum, int sentimentCount, int llmUsed,
        IEnumerable<KeyValuePair<string, int>> patterns)
    {
        Analyses += analyses;
        Completed += completed;
        Failed += failed;
        Cancelled += cancelled;
        SentimentSum += sentimentSum;
        SentimentCount += sentimentCount;
        LlmUsed += llmUsed;
        foreach (var (kind, count) in patterns) _patterns[kind] = _patterns.GetValueOrDefault(kind) + count;
    }

    public void Add(InsightTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Add(other.Analyses, other.Completed, other.Failed, other.Cancelled, other.SentimentSum, other.SentimentCount, other.LlmUsed, other._patterns);
    }

    public double? MeanSentiment => SentimentCount == 0 ? null : Round(SentimentSum / SentimentCount);

    /// <summary>Each pattern kind's share of the completed analyses, most common first.</summary>
    public IReadOnlyDictionary<string, double> PatternShares =>
        Completed == 0
            ? new Dictionary<string, double>()
            : _patterns.Where(p => p.Value > 0).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                .ToDictionary(p => p.Key, p => Round((double)p.Value / Completed), StringComparer.Ordinal);

    public LlmUse Llm => new(LlmUsed, Completed == 0 ? null : Round((double)LlmUsed / Completed));

    public InsightDay ToDay(DateOnly date) => new(date, Analyses, Completed, Failed, Cancelled, MeanSentiment, PatternShares, Llm);

    public InsightFigures ToFigures() => new(Analyses, Completed, Failed, Cancelled, MeanSentiment, PatternShares, Llm);

    private static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}
