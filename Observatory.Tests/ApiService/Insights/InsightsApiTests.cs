using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Observatory.AnalysisWorker.Insights;
using Observatory.Tests.AnalysisWorker.Retention;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.ApiService.Insights;

public sealed class InsightsStack() : InProcessStackFixture("insights", withWorker: false)
{
    public StoredRows Rows { get; private set; } = null!;

    /// <summary>The UTC day the tests treat as today; the sweeper's clock stands at its noon.</summary>
    public DateOnly Today { get; } = DateOnly.FromDateTime(DateTime.UtcNow);

    protected override Task OnStartedAsync()
    {
        Rows = new StoredRows(Stack.DatabaseConnectionString);
        return Task.CompletedTask;
    }

    protected override ValueTask OnStoppingAsync() => Rows.DisposeAsync();
}

/// <summary>CONTRACT §7 <c>GET /api/v1/insights</c>: per-day aggregates of the caller's own analyses, rolled up by the
/// retention sweeper before the analyses can be deleted and kept forever; the current day is computed live.</summary>
public sealed class InsightsApiTests(InsightsStack fixture) : IClassFixture<InsightsStack>
{
    private readonly HttpClient _client = fixture.Client;
    private readonly StoredRows _rows = fixture.Rows;
    private readonly DateOnly _today = fixture.Today;

    [Fact]
    public async Task A_past_day_is_rolled_up_and_reads_the_same_after_its_analyses_are_deleted()
    {
        var owner = Principal("past");
        var day = _today.AddDays(-2);
        await _rows.CompletedAsync(owner, At(day, 9), At(day, 10), StoredRows.Digest(0.5, true, "question_answer", "pii"));
        await _rows.CompletedAsync(owner, At(day, 9), At(day, 11), StoredRows.Digest(-0.1, false, "question_answer"));
        await _rows.CompletedAsync(owner, At(day, 9), At(day, 12), StoredRows.Digest(null, false));
        await _rows.EndedAsync(owner, "failed", At(day, 9), At(day, 13));
        await _rows.EndedAsync(owner, "cancelled", At(day, 9), At(day, 14));
        var path = $"/api/v1/insights?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}";

        var live = await ReadAsync(path, owner);
        var report = await SweepAsync(metadata: TimeSpan.FromDays(1));
        var rolledUp = await ReadAsync(path, owner);

        Assert.NotNull(report);
        Assert.True(report.DaysRolledUp >= 1);
        Assert.Equal(0, await _rows.CountAsync("SELECT count(*) FROM analyses WHERE owner = @owner", ("owner", owner)));
        Assert.Equal(5, await _rows.CountAsync("SELECT analyses FROM daily_insights WHERE owner = @owner AND day = @day", ("owner", owner), ("day", day)));

        var figures = rolledUp["days"]!.AsArray().Single()!;
        Assert.Equal(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), figures["date"]!.GetValue<string>());
        Assert.Equal((5, 3, 1, 1), (figures["analyses"]!.GetValue<int>(), figures["completed"]!.GetValue<int>(),
            figures["failed"]!.GetValue<int>(), figures["cancelled"]!.GetValue<int>()));
        Assert.Equal(0.2, figures["mean_sentiment"]!.GetValue<double>());
        Assert.Equal(0.6667, figures["patterns"]!["question_answer"]!.GetValue<double>());
        Assert.Equal(0.3333, figures["patterns"]!["pii"]!.GetValue<double>());
        Assert.Equal(2, figures["patterns"]!.AsObject().Count);
        Assert.Equal(1, figures["llm"]!["used"]!.GetValue<int>());
        Assert.Equal(0.3333, figures["llm"]!["share"]!.GetValue<double>());
        Assert.Equal(figures.ToJsonString(), live["days"]![0]!.ToJsonString());
        Assert.Equal(rolledUp["totals"]!.ToJsonString(), live["totals"]!.ToJsonString());
        Assert.Equal(5, rolledUp["totals"]!["analyses"]!.GetValue<int>());
    }

    [Fact]
    public async Task Today_is_computed_live_from_the_analyses_and_not_rolled_up()
    {
        var owner = Principal("today");
        await _rows.CompletedAsync(owner, At(_today, 0, 1), At(_today, 0, 2), StoredRows.Digest(0.4, false, "support"));
        await _rows.CompletedAsync(owner, At(_today, 0, 1), At(_today, 0, 3), StoredRows.Digest(0.2, false, "support", "loop"));

        await SweepAsync(metadata: TimeSpan.FromDays(1));
        var body = await ReadAsync($"/api/v1/insights?from={_today:yyyy-MM-dd}&to={_today:yyyy-MM-dd}", owner);

        Assert.Equal(0, await _rows.CountAsync("SELECT count(*) FROM daily_insights WHERE owner = @owner", ("owner", owner)));
        var figures = body["days"]!.AsArray().Single()!;
        Assert.Equal(2, figures["completed"]!.GetValue<int>());
        Assert.Equal(0.3, figures["mean_sentiment"]!.GetValue<double>());
        Assert.Equal(1.0, figures["patterns"]!["support"]!.GetValue<double>());
        Assert.Equal(0.5, figures["patterns"]!["loop"]!.GetValue<double>());
        Assert.Equal(0.0, figures["llm"]!["share"]!.GetValue<double>());
    }

    [Fact]
    public async Task Each_principal_sees_only_its_own_analyses_and_the_admin_sees_everyone()
    {
        var alice = Principal("alice");
        var bob = Principal("bob");
        var yesterday = _today.AddDays(-1);
        await _rows.CompletedAsync(alice, At(yesterday, 8), At(yesterday, 9));
        await _rows.CompletedAsync(alice, At(yesterday, 8), At(yesterday, 10));
        await _rows.CompletedAsync(alice, At(_today, 0, 1), At(_today, 0, 2));
        await _rows.CompletedAsync(bob, At(yesterday, 8), At(yesterday, 9));
        await _rows.CompletedAsync(null, At(_today, 0, 1), At(_today, 0, 2));
        await SweepAsync(metadata: TimeSpan.FromDays(30));
        var path = $"/api/v1/insights?from={yesterday:yyyy-MM-dd}&to={_today:yyyy-MM-dd}";

        var forAlice = await ReadAsync(path, alice);
        var forBob = await ReadAsync(path, bob);
        var forAdmin = await ReadAsync(path, "admin", "admin");

        Assert.Equal([2, 1], forAlice["days"]!.AsArray().Select(d => d!["analyses"]!.GetValue<int>()));
        Assert.Equal(3, forAlice["totals"]!["analyses"]!.GetValue<int>());
        Assert.Equal([1, 0], forBob["days"]!.AsArray().Select(d => d!["analyses"]!.GetValue<int>()));
        // Everyone's, public callers' included: today (live) matches every analysis that ended today.
        var endedToday = await _rows.CountAsync(
            "SELECT count(*) FROM analyses WHERE status IN ('completed', 'failed', 'cancelled') AND completed_at >= @from AND completed_at < @to",
            ("from", At(_today, 0)), ("to", At(_today.AddDays(1), 0)));
        Assert.Equal(endedToday, forAdmin["days"]![1]!["analyses"]!.GetValue<int>());
        Assert.True(forAdmin["days"]![0]!["analyses"]!.GetValue<int>() >= 3);
        Assert.True(forAdmin["days"]![1]!["analyses"]!.GetValue<int>() >= 2);
    }

    [Fact]
    public async Task Rolling_up_the_same_day_twice_at_once_never_double_counts()
    {
        var owner = Principal("twice");
        var yesterday = _today.AddDays(-1);
        for (var i = 0; i < 3; i++) await _rows.CompletedAsync(owner, At(yesterday, 6), At(yesterday, 7 + i));
        var now = At(_today, 12);

        await Task.WhenAll(RollUpAsync(now), RollUpAsync(now));

        Assert.Equal(3, await _rows.CountAsync("SELECT analyses FROM daily_insights WHERE owner = @owner AND day = @day", ("owner", owner), ("day", yesterday)));
        Assert.Equal(3, (await ReadAsync($"/api/v1/insights?from={yesterday:yyyy-MM-dd}&to={yesterday:yyyy-MM-dd}", owner))["totals"]!["completed"]!.GetValue<int>());
    }

    [Fact]
    public async Task Without_a_range_the_last_30_days_are_returned_one_entry_per_day()
    {
        var body = await ReadAsync("/api/v1/insights", Principal("quiet"));

        var days = body["days"]!.AsArray().Select(d => DateOnly.ParseExact(d!["date"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => today.AddDays(i - 29)), days);
        Assert.Equal(days[0].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), body["from"]!.GetValue<string>());
        Assert.Equal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), body["to"]!.GetValue<string>());
        var totals = body["totals"]!;
        Assert.Equal(0, totals["analyses"]!.GetValue<int>());
        Assert.Null(totals["mean_sentiment"]);
        Assert.Empty(totals["patterns"]!.AsObject());
        Assert.Null(totals["llm"]!["share"]);
    }

    [Fact]
    public async Task A_range_of_366_days_is_accepted()
    {
        var body = await ReadAsync($"/api/v1/insights?from={_today.AddDays(-365):yyyy-MM-dd}&to={_today:yyyy-MM-dd}", Principal("year"));

        Assert.Equal(366, body["days"]!.AsArray().Count);
    }

    [Fact]
    public async Task Public_callers_get_a_401_problem()
    {
        var (status, body, _) = await _client.GetJsonAsync("/api/v1/insights");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("https://observatory.dev/problems/unauthorized", body!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-05-02&to=2026-05-01", "from")]
    [InlineData("from=2025-01-01&to=2026-01-02", "to")]
    public async Task A_bad_date_or_range_is_a_400_problem_naming_the_parameter(string query, string path)
    {
        var (status, body, _) = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/insights?{query}").As(Principal("bad")));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("https://observatory.dev/problems/validation", body!["type"]!.GetValue<string>());
        Assert.NotEmpty(body["errors"]![path]!.AsArray());
    }

    private async Task<JsonNode> ReadAsync(string path, string principal, string tier = "standard")
    {
        var (status, body, response) = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Get, path).As(principal, tier));
        Assert.True(status == HttpStatusCode.OK, $"{path} answered {(int)status}: {await response.Content.ReadAsStringAsync()}");
        return body!;
    }

    private Task<Observatory.AnalysisWorker.Retention.RetentionSweepReport?> SweepAsync(TimeSpan metadata) =>
        _rows.Sweeper(new ManualTimeProvider(At(_today, 12)), TimeSpan.FromDays(30), metadata).SweepAsync(CancellationToken.None);

    private async Task RollUpAsync(DateTimeOffset now)
    {
        await using var connection = await _rows.DataSource.OpenConnectionAsync();
        await DailyInsightRollup.RollUpAsync(connection, now, CancellationToken.None);
    }

    private static DateTimeOffset At(DateOnly day, int hour, int minute = 0) => new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);

    private static string Principal(string name) => $"key:{name}-{Guid.NewGuid():N}";
}
