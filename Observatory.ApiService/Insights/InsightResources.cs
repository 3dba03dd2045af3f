namespace Observatory.ApiService.Insights;

/// <summary><c>GET /api/v1/insights</c>: one entry per UTC day of the range (days without analyses included, with
/// zeros) and the same figures over the whole range.</summary>
public sealed record InsightsReport(DateOnly From, DateOnly To, IReadOnlyList<InsightDay> Days, InsightFigures Totals);

/// <summary>
/// The figures of one day. <see cref="Analyses"/> counts analyses that ended that day (completed, failed or
/// cancelled); <see cref="MeanSentiment"/> (null without any sentiment), each pattern kind's share and the LLM share
/// are taken over the completed ones and rounded to 4 decimals.
/// </summary>
public sealed record InsightDay(DateOnly Date, int Analyses, int Completed, int Failed, int Cancelled, double? MeanSentiment,
    IReadOnlyDictionary<string, double> Patterns, LlmUse Llm);

public sealed record InsightFigures(int Analyses, int Completed, int Failed, int Cancelled, double? MeanSentiment,
    IReadOnlyDictionary<string, double> Patterns, LlmUse Llm);

/// <summary>Completed analyses the LLM enriched, and their share of all completed ones (null when none completed).</summary>
public sealed record LlmUse(int Used, double? Share);
