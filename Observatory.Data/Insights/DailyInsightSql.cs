namespace Observatory.Data.Insights;

/// <summary>
/// The one aggregation behind <c>daily_insights</c>: the retention sweeper rolls finished days up with it and the
/// API computes the days not rolled up yet (today) with it, so a day reads the same before and after its roll-up.
/// An analysis belongs to the UTC day of its <c>completed_at</c> (set for every terminal state) and to its owner
/// (<c>''</c> for public callers); sentiment, patterns and LLM use come from its digest
/// (<c>Observatory.Analysis.Aggregation.ConversationDigest</c>), which outlives the result.
/// </summary>
public static class DailyInsightSql
{
    /// <summary>The UTC day an analysis counts for.</summary>
    public const string DayOf = "(a.completed_at AT TIME ZONE 'UTC')::date";

    /// <summary>Terminal analyses only: queued and running ones have not happened yet.</summary>
    public const string IsTerminal = "a.status IN ('completed', 'failed', 'cancelled')";

    /// <summary>True when the analysis's (day, owner) has no rolled-up row yet.</summary>
    public const string NotRolledUp =
        "NOT EXISTS (SELECT 1 FROM daily_insights d WHERE d.day = " + DayOf + " AND d.owner = COALESCE(a.owner, ''))";

    /// <summary>
    /// From where analyses may still lack a roll-up: the day before the latest rolled-up day (a completion committed
    /// just after a roll-up but stamped before it still gets counted), or the beginning of time before the first one.
    /// Bounding the search keeps it on the <c>completed_at</c> index instead of the whole table.
    /// </summary>
    public const string NotRolledUpSince =
        "COALESCE((SELECT (max(day) - 1)::timestamp AT TIME ZONE 'UTC' FROM daily_insights), '-infinity'::timestamptz)";

    /// <summary>
    /// CTEs (without the leading <c>WITH</c>) that end in <c>aggregated(day, owner, analyses, completed, failed,
    /// cancelled, sentiment_sum, sentiment_count, llm_used, pattern_counts_json)</c>, one row per (day, owner), over
    /// the analyses matched by <paramref name="condition"/> (on <c>analyses a</c>).
    /// </summary>
    public static string Aggregate(string condition) => $$"""
        scope AS (
            SELECT a.id, {{DayOf}} AS day, COALESCE(a.owner, '') AS owner, a.status, a.digest_json
            FROM analyses a
            WHERE {{IsTerminal}} AND {{condition}}),
        per_day AS (
            SELECT day, owner,
                   count(*)::int AS analyses,
                   count(*) FILTER (WHERE status = 'completed')::int AS completed,
                   count(*) FILTER (WHERE status = 'failed')::int AS failed,
                   count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
                   COALESCE(sum((digest_json->>'sentiment')::float8) FILTER (WHERE status = 'completed'), 0) AS sentiment_sum,
                   (count(digest_json->>'sentiment') FILTER (WHERE status = 'completed'))::int AS sentiment_count,
                   (count(*) FILTER (WHERE status = 'completed' AND (digest_json->>'llm_used')::boolean))::int AS llm_used
            FROM scope GROUP BY day, owner),
        kinds AS (
            SELECT day, owner, jsonb_object_agg(kind, n) AS counts
            FROM (SELECT s.day, s.owner, p.kind, count(DISTINCT s.id) AS n
                  FROM scope s
                  CROSS JOIN LATERAL json_array_elements_text(
                      CASE WHEN json_typeof(s.digest_json->'detected_patterns') = 'array' THEN s.digest_json->'detected_patterns' END) AS p(kind)
                  WHERE s.status = 'completed'
                  GROUP BY s.day, s.owner, p.kind) k
            GROUP BY day, owner),
        aggregated AS (
            SELECT p.day, p.owner, p.analyses, p.completed, p.failed, p.cancelled, p.sentiment_sum, p.sentiment_count, p.llm_used,
                   COALESCE(k.counts, '{}'::jsonb) AS pattern_counts_json
            FROM per_day p LEFT JOIN kinds k ON k.day = p.day AND k.owner = p.owner)
        """;
}
