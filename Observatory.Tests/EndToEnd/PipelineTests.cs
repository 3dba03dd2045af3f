using System.Net;
using Observatory.Tests.Fakes;
using Observatory.Tests.Infrastructure;

namespace Observatory.Tests.EndToEnd;

/// <summary>The three services as real processes, reached only through the gateway: what an operator sees when
/// workers crash, Redis loses its data, or the ApiService restarts — nothing accepted is ever lost or run twice.</summary>
public sealed class PipelineTests
{
    [Fact]
    public async Task A_conversation_submitted_through_the_gateway_is_analysed()
    {
        await using var stack = await ServiceStack.StartAsync("e2e-happy");
        var client = stack.Client;

        var (status, accepted, response) = await client.PostJsonAsync("/api/v1/analyze", SampleConversations.RefundChat);
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Matches("^[0-9a-f]{32}$", response.Headers.GetValues("X-Trace-Id").Single());
        var done = await client.WaitForTerminalAsync(accepted!["id"]!.GetValue<string>(), TimeSpan.FromSeconds(30), stack.Logs);

        Assert.Equal("completed", done["status"]!.GetValue<string>());
        Assert.Equal(4, done["result"]!["conversation"]!["messages"]!.GetValue<int>());
        Assert.Equal("Bot", done["result"]!["patterns"]!["dynamics"]!["dominant_speaker"]!.GetValue<string>()); // 24 words to Ada's 14

        var health = await client.GetJsonAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.Status);
        Assert.Contains(health.Body!["checks"]!.AsArray(), c => c!["name"]!.GetValue<string>() == "apiservice" && c["status"]!.GetValue<string>() == "Healthy");
        var openApi = await client.GetJsonAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, openApi.Status);
        Assert.NotNull(openApi.Body!["paths"]!["/api/v1/analyze"]);
        Assert.NotNull(openApi.Body["paths"]!["/api/v1/analyze/{id}/cancel"]);
        var docs = await client.GetAsync("/docs/index.html");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("swagger", await docs.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Cancelling_a_running_analysis_stops_its_worker_promptly_and_stores_no_result()
    {
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.Delay = TimeSpan.FromSeconds(60);
        await using var stack = await ServiceStack.StartAsync("e2e-cancel", new Dictionary<string, string?> { ["ConnectionStrings__llm"] = llm.ConnectionString });
        var client = stack.Client;
        var (_, accepted, _) = await client.PostJsonAsync("/api/v1/analyze", SampleConversations.RefundChat);
        var id = accepted!["id"]!.GetValue<string>();
        await client.WaitForStatusAsync(id, "running", TimeSpan.FromSeconds(30), stack.Logs);
        await llm.WaitForRequestsAsync(1, TimeSpan.FromSeconds(10));

        var cancel = await client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/analyze/{id}/cancel"));

        Assert.Equal(HttpStatusCode.OK, cancel.Status);
        Assert.Equal("cancelled", cancel.Body!["status"]!.GetValue<string>());
        // The worker drops the model call as soon as it hears of the cancel (CONTRACT: within 2 s).
        await WaitUntilAsync(() => Task.FromResult(llm.AbortedRequests == 1), TimeSpan.FromSeconds(2), "the worker to abandon the running analysis", stack.Logs);
        var (_, body, _) = await client.GetJsonAsync($"/api/v1/analyze/{id}");
        Assert.Equal("cancelled", body!["status"]!.GetValue<string>());
        Assert.Null(body["result"]);
    }

    [Fact]
    public async Task A_worker_killed_mid_job_is_replaced_and_the_job_completes_exactly_once()
    {
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.Delay = TimeSpan.FromSeconds(60);
        await using var stack = await ServiceStack.StartAsync("e2e-kill", new Dictionary<string, string?> { ["ConnectionStrings__llm"] = llm.ConnectionString });
        var client = stack.Client;
        var (_, accepted, _) = await client.PostJsonAsync("/api/v1/analyze", SampleConversations.RefundChat);
        var id = accepted!["id"]!.GetValue<string>();
        await client.WaitForStatusAsync(id, "running", TimeSpan.FromSeconds(30), stack.Logs);
        await llm.WaitForRequestsAsync(1, TimeSpan.FromSeconds(10));

        await stack.Workers[0].KillAsync(); // SIGKILL: no chance to release the job
        llm.Delay = TimeSpan.Zero;
        await stack.StartWorkerAsync();
        var done = await client.WaitForTerminalAsync(id, TimeSpan.FromSeconds(60), stack.Logs);

        Assert.Equal("completed", done["status"]!.GetValue<string>());
        Assert.True(done["result"]!["engine"]!["llm"]!["used"]!.GetValue<bool>());
        var completedAt = done["completed_at"]!.GetValue<string>();
        await Task.Delay(TimeSpan.FromSeconds(4)); // long enough for any second delivery to be reclaimed and run
        var (_, later, _) = await client.GetJsonAsync($"/api/v1/analyze/{id}");
        Assert.Equal(completedAt, later!["completed_at"]!.GetValue<string>());
        Assert.Equal(2, llm.Requests.Count);
        Assert.Equal(2L, await DatabaseQueries.ScalarAsync(stack.DatabaseConnectionString, "SELECT attempts::bigint FROM analyses WHERE id = @id", id));
    }

    [Fact]
    public async Task A_worker_stopped_with_sigterm_hands_its_running_job_back_at_once()
    {
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.Delay = TimeSpan.FromSeconds(60);
        // Long lease and claim times: only the release on shutdown can get the job done in time here.
        await using var stack = await ServiceStack.StartAsync("e2e-sigterm", new Dictionary<string, string?>
        {
            ["ConnectionStrings__llm"] = llm.ConnectionString,
            ["Observatory__Queue__ClaimIdleTime"] = "00:05:00",
            ["Observatory__Worker__LeaseDuration"] = "00:05:00",
            ["Observatory__Queueing__StalledAfter"] = "00:05:00",
        });
        var client = stack.Client;
        var (_, accepted, _) = await client.PostJsonAsync("/api/v1/analyze", SampleConversations.RefundChat);
        var id = accepted!["id"]!.GetValue<string>();
        await client.WaitForStatusAsync(id, "running", TimeSpan.FromSeconds(30), stack.Logs);
        await llm.WaitForRequestsAsync(1, TimeSpan.FromSeconds(10));

        await stack.Workers[0].StopAsync();
        Assert.Equal(0, stack.Workers[0].Process!.ExitCode);
        llm.Delay = TimeSpan.Zero;
        await stack.StartWorkerAsync();
        var done = await client.WaitForTerminalAsync(id, TimeSpan.FromSeconds(30), stack.Logs);

        Assert.Equal("completed", done["status"]!.GetValue<string>());
        Assert.Contains("released for another worker", stack.Workers[0].Process!.Output);
    }

    [Fact]
    public async Task Jobs_queued_when_redis_is_flushed_all_still_complete()
    {
        await using var stack = await ServiceStack.StartAsync("e2e-flush");
        var client = stack.Client;
        await stack.Workers[0].KillAsync();
        var ids = await SubmitManyAsync(client, 10);
        await WaitUntilAsync(async () => (await stack.Redis.CommandAsync("XLEN", "observatory:jobs:normal")).StartsWith(":10", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "all jobs on the stream", stack.Logs);

        await stack.Redis.CommandAsync("FLUSHALL");
        await stack.StartWorkerAsync();

        foreach (var id in ids)
            Assert.Equal("completed", (await client.WaitForTerminalAsync(id, TimeSpan.FromSeconds(60), stack.Logs))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Jobs_queued_when_redis_restarts_empty_all_still_complete()
    {
        await using var stack = await ServiceStack.StartAsync("e2e-redis-restart");
        var client = stack.Client;
        await stack.Workers[0].KillAsync();
        var ids = await SubmitManyAsync(client, 10);

        await stack.Redis.RestartAsync();
        await stack.StartWorkerAsync();

        foreach (var id in ids)
            Assert.Equal("completed", (await client.WaitForTerminalAsync(id, TimeSpan.FromSeconds(60), stack.Logs))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Restarting_the_api_service_mid_flight_loses_nothing()
    {
        await using var stack = await ServiceStack.StartAsync("e2e-api-restart");
        var client = stack.Client;
        var ids = await SubmitManyAsync(client, 25);

        await stack.RestartApiAsync();

        foreach (var id in ids)
            Assert.Equal("completed", (await client.WaitForTerminalAsync(id, TimeSpan.FromSeconds(60), stack.Logs))["status"]!.GetValue<string>());
    }

    private static async Task<List<string>> SubmitManyAsync(HttpClient client, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var (status, accepted, _) = await client.PostJsonAsync("/api/v1/analyze", SampleConversations.Small(i));
            Assert.Equal(HttpStatusCode.Accepted, status);
            ids.Add(accepted!["id"]!.GetValue<string>());
        }
        return ids;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, Func<string> diagnostics)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(25);
        }
        throw new TimeoutException($"Timed out after {timeout} waiting for {what}.\n{diagnostics()}");
    }
}
