using System.Text.Json;
using Npgsql;
using Observatory.Data.Insights;

namespace Observatory.ApiService.Insights;

/// <summary>
/// Reads the per-day figures of a date range: rolled-up days from <c>daily_insights</c>, and the (day, principal)
/// pairs not rolled up yet — today, and yesterday for a few minutes after midnight — computed live from the analyses
/// with the sweeper's own aggregation (<see cref="DailyInsightSql"/>), in one statement so both halves come from
/// the same snapshot and a pair is never counted twice.
/// </summary>
public static class DailyInsightsQuery
{
    private static readonly string AllPrincipals = Sql(ownerFilter: "", liveOwnerFilter: "");
    private static readonly string OnePrincipal = Sql(ownerFilter: "AND owner = @owner", liveOwnerFilter: "AND a.owner = @owner");

    private static string Sql(string ownerFilter, string liveOwnerFilter) => $"""
        WITH {DailyInsightSql.Aggregate(
            $"a.completed_at >= GREATEST(@from_at, {DailyInsightSql.NotRolledUpSince}) AND a.completed_at < @to_end {liveOwnerFilter} AND {DailyInsightSql.NotRolledUp}")}
        SELECT day, analyses, completed, failed, cancelled, sentiment_sum, sentiment_count, llm_used, pattern_counts_json::text
        FROM daily_insights WHERE day >= @from AND day <= @to {ownerFilter}
        UNION ALL
        SELECT day, analyses, completed, failed, cancelled, sentiment_sum, sentiment_count, llm_used, pattern_counts_json::text
        FROM aggregated
        """;

    /// <summary>The figures of every day from <paramref name="from"/> to <paramref name="to"/> (inclusive, UTC),
    /// for one principal or, when <paramref name="owner"/> is null, for everyone (public callers included).</summary>
    public static async Task<SortedDictionary<DateOnly, InsightTally>> ReadAsync(
        NpgsqlDataSource dataSource, string? owner, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand(owner is null ? AllPrincipals : OnePrincipal);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        command.Parameters.AddWithValue("from_at", StartOf(from));
        command.Parameters.AddWithValue("to_end", StartOf(to.AddDays(1)));
        if (owner is not null) command.Parameters.AddWithValue("owner", owner);

        var days = new SortedDictionary<DateOnly, InsightTally>();
        for (var day = from; day <= to; day = day.AddDays(1)) days[day] = new InsightTally();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var patterns = JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(8)) ?? [];
            days[reader.GetFieldValue<DateOnly>(0)].Add(reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4),
                reader.GetDouble(5), reader.GetInt32(6), reader.GetInt32(7), patterns);
        }
        return days;
    }

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
