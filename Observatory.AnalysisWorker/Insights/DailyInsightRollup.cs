using Npgsql;
using Observatory.Data.Insights;

namespace Observatory.AnalysisWorker.Insights;

/// <summary>
/// Rolls finished UTC days up into <c>daily_insights</c> (kept forever), so the insights survive the deletion of the
/// analyses they were computed from. The retention sweeper runs it before it deletes anything, and deletes analyses
/// only from days before <see cref="RolledUpBefore"/>: a day is always rolled up before its analyses can go.
/// </summary>
public static class DailyInsightRollup
{
    /// <summary>A day is rolled up only once it has been over this long, so a completion stamped just before
    /// midnight whose transaction commits just after it is still counted. Until then the API computes it live.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(5);

    // Only (day, owner) pairs without a row are aggregated, from analyses completed since the day before the latest
    // rolled-up day: each sweep touches at most a day or two of analyses. ON CONFLICT keeps a replayed roll-up (e.g.
    // by a replica that did not hold the sweep lock) idempotent: the row is recomputed, never added to.
    private static readonly string RollUpSql = $"""
        WITH {DailyInsightSql.Aggregate(
            $"a.completed_at >= {DailyInsightSql.NotRolledUpSince} AND a.completed_at < @before AND {DailyInsightSql.NotRolledUp}")},
        upserted AS (
            INSERT INTO daily_insights (day, owner, analyses, completed, failed, cancelled, sentiment_sum, sentiment_count, llm_used, pattern_counts_json)
            SELECT day, owner, analyses, completed, failed, cancelled, sentiment_sum, sentiment_count, llm_used, pattern_counts_json FROM aggregated
            ON CONFLICT (day, owner) DO UPDATE SET
                analyses = EXCLUDED.analyses, completed = EXCLUDED.completed, failed = EXCLUDED.failed, cancelled = EXCLUDED.cancelled,
                sentiment_sum = EXCLUDED.sentiment_sum, sentiment_count = EXCLUDED.sentiment_count, llm_used = EXCLUDED.llm_used,
                pattern_counts_json = EXCLUDED.pattern_counts_json
            RETURNING day)
        SELECT count(DISTINCT day)::int FROM upserted
        """;

    /// <summary>Start (UTC midnight) of the first day that is not rolled up yet at <paramref name="now"/>.</summary>
    public static DateTimeOffset RolledUpBefore(DateTimeOffset now)
    {
        var settled = (now - SettleTime).UtcDateTime;
        return new DateTimeOffset(settled.Date, TimeSpan.Zero);
    }

    /// <summary>Rolls up every finished day that has terminal analyses and no row yet, in one statement (all of
    /// it or none). Returns how many distinct days were written.</summary>
    public static async Task<int> RollUpAsync(NpgsqlConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(RollUpSql, connection);
        command.Parameters.AddWithValue("before", RolledUpBefore(now));
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
