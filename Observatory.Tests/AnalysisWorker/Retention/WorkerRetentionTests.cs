using System.Globalization;
using System.Net;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.AnalysisWorker.Retention;

/// <summary>The sweeper as the worker hosts it: bound from configuration, sweeping on its interval with the real
/// clock, on analyses the worker really ran (second-scale retention).</summary>
public sealed class WorkerRetentionTests : IAsyncLifetime
{
    private InProcessStack _stack = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _stack = await InProcessStack.StartAsync("workerretention", withWorker: true, new Dictionary<string, string?>
        {
            ["Observatory:Retention:Results"] = "00:00:02",
            ["Observatory:Retention:Metadata"] = "1.00:00:00",
            ["Observatory:Retention:SweepInterval"] = "00:00:01",
        });
        _client = _stack.Api.CreateClient();
    }

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task A_result_left_unread_for_Results_is_swept_by_the_worker_answers_410_and_the_sweep_is_audited()
    {
        var owner = $"key:worker-{Guid.NewGuid():N}";
        var (status, done, _) = await _client.SendJsonAsync(ApiCalls.JsonPost("/api/v1/analyze?wait=20", SampleConversations.RefundChat).As(owner));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("completed", done!["status"]!.GetValue<string>());
        var id = done["id"]!.GetValue<string>();
        var completedAt = DateTimeOffset.Parse(done["completed_at"]!.GetValue<string>(), CultureInfo.InvariantCulture);

        await WaitUntilAsync(async () => await DatabaseQueries.ScalarAsync(_stack.DatabaseConnectionString,
            "SELECT count(*) FROM analyses WHERE id = @id AND result_deleted_at IS NOT NULL", id) == 1, "the result to be swept");

        var gone = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/analyze/{id}").As(owner));
        Assert.Equal(HttpStatusCode.Gone, gone.Status);
        Assert.Contains("00:00:02 after they were last read", gone.Body!["detail"]!.GetValue<string>());

        var audit = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Get, "/admin/audit?limit=1000").As("admin", "admin"));
        Assert.Contains(audit.Body!["items"]!.AsArray(),
            e => e!["kind"]!.GetValue<string>() == "retention" && e["details"]!["results_deleted"]!.GetValue<int>() >= 1);

        // The worker's own digest feeds today's insights, which outlive the result.
        var day = completedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var insights = await _client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/insights?from={day}&to={day}").As(owner));
        Assert.Equal(HttpStatusCode.OK, insights.Status);
        var figures = insights.Body!["days"]!.AsArray().Single()!;
        Assert.Equal(1, figures["completed"]!.GetValue<int>());
        Assert.NotNull(figures["mean_sentiment"]);
        Assert.NotEmpty(figures["patterns"]!.AsObject());
        Assert.Equal(0, figures["llm"]!["used"]!.GetValue<int>());
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"Timed out waiting for {what}.");
    }
}
